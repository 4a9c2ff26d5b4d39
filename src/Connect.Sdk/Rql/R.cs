namespace Connect.Sdk.Rql;

/// <summary>Entry point of the RQL expression builder: <c>R.Field("status").Eq("pending")</c>.</summary>
public static class R
{
    /// <summary>Starts a condition on a (dotted) property.</summary>
    /// <param name="property">Property path, e.g. <c>asset.product.id</c>.</param>
    /// <returns>A field to compare.</returns>
    public static RqlField Field(string property) => new(RqlExpression.CheckProperty(property));

    /// <summary><c>and(...)</c> of the given expressions.</summary>
    /// <param name="operands">Expressions.</param>
    /// <returns>The expression.</returns>
    public static RqlExpression And(params RqlExpression[] operands) => Group("and", operands);

    /// <summary><c>or(...)</c> of the given expressions.</summary>
    /// <param name="operands">Expressions.</param>
    /// <returns>The expression.</returns>
    public static RqlExpression Or(params RqlExpression[] operands) => Group("or", operands);

    /// <summary><c>not(expr)</c>.</summary>
    /// <param name="operand">Expression.</param>
    /// <returns>The expression.</returns>
    public static RqlExpression Not(RqlExpression operand)
    {
        ArgumentNullException.ThrowIfNull(operand);
        return new RqlNot(operand);
    }

    private static RqlExpression Group(string op, RqlExpression[] operands)
    {
        ArgumentNullException.ThrowIfNull(operands);
        var flat = new List<RqlExpression>();
        foreach (var operand in operands)
        {
            ArgumentNullException.ThrowIfNull(operand, nameof(operands));
            if (operand is RqlGroup group && group.Op == op)
            {
                flat.AddRange(group.Operands);
            }
            else
            {
                flat.Add(operand);
            }
        }

        if (flat.Count == 0)
        {
            throw new ArgumentException($"{op}() needs at least one expression.", nameof(operands));
        }

        return flat.Count == 1 ? flat[0] : new RqlGroup(op, flat);
    }
}
