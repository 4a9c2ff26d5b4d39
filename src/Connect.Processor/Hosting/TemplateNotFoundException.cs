namespace Connect.Processor;

/// <summary>A template configured by name (for example <c>activationTemplateName</c>) does not exist for a product.</summary>
public sealed class TemplateNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="productId">Product searched.</param>
    /// <param name="name">Template name searched.</param>
    /// <param name="scope">Template scope searched (<c>asset</c>, <c>tier1</c>, <c>tier2</c>).</param>
    public TemplateNotFoundException(string productId, string name, string scope)
        : base($"Product {productId} has no {scope} template named '{name}'. Check activationTemplateName / tier1ActivationTemplateName.")
    {
        ProductId = productId;
        TemplateName = name;
        Scope = scope;
    }

    /// <summary>Creates the exception with a message.</summary>
    public TemplateNotFoundException()
        : base("Template not found.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public TemplateNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public TemplateNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Product searched.</summary>
    public string? ProductId { get; }

    /// <summary>Template name searched.</summary>
    public string? TemplateName { get; }

    /// <summary>Template scope searched.</summary>
    public string? Scope { get; }
}
