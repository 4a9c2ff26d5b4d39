using Connect.Emulator.Usage;

namespace Connect.Emulator.Tests.Usage;

/// <summary>
/// A workbook written by Connect.Usage's <c>UsageSpreadsheetWriter</c> (write-only package, inline and shared strings,
/// numeric cells, a parameter column), captured as bytes because the emulator may not depend on Connect.Usage.
/// </summary>
public sealed class UsageWorkbookParserClientFileTests
{
    private const string ClientWorkbook =
        "UEsDBBQACAAIALiWdl0AAAAAAAAAAAAAAAAPAAAAeGwvd29ya2Jvb2sueG1stNDBTsMwDAbgV4l8p2l7QKhatguXPQUKidtGi+PKTiGPjxiITZ"
        + "y4cPvlX7I+/YdTo2zeUDRxcTB0PRgsgWMqi4O9zg9PcDoe2vTOcnllvphGuejUHKy1bpO1GlYkrx1vWBrlmYV81Y5lsboJ+qgrYqVsx75/tORT"
        + "gc9/16v+JFM8oYNd/YIvgoElKphrdY4OBjAypehAznGAb4P8xcDznAI+c9gJS/1CCGZfExdd06Zg7G9F8BUXloT3hPGOMP4Dwd42sbe5jx8AAA"
        + "D//wMAUEsHCDnBMo3PAAAAoQEAAFBLAwQUAAgACAC4lnZdAAAAAAAAAAAAAAAADQAAAHhsL3N0eWxlcy54bWyEkcFqxCAQhl9FvDcmgZYSYvZW"
        + "6Hl76NUmYyKMo6hbzNuXZM22XQo9Ofx+3/Cj/SlbZJ8QonEkeVPVnAGNbjI0S35J+uGZn4Y+dzGtCOcFILFskWKXJV9S8p0QcVzAqlg5D5Qtah"
        + "esSrFyYRbRB1BT3DSLoq3rJ2GVIb5t1I5SZKO7UJK8uUVMDL0ot3tmEG9Ye8UM4nZ6lRIEejGIrMxvqwfJyRHwY1GB/5XmoNamffztlWFv8uHC"
        + "BOGu8jUsTiG2fATE8/Zm7/rOyLrQP5FD+YvO+nWSvD6KFWyfv39l+AIAAP//AwBQSwcIN982NecAAADKAQAAUEsDBBQACAAIALiWdl0AAAAAAA"
        + "AAAAAAAAAYAAAAeGwvd29ya3NoZWV0cy9zaGVldDIueG1sjJJfSsQwEMavEvJu0/ZBpLRdtIIH8ABLSGfbYP6Uyawbz+aDR/IKkshKBal9GSbz"
        + "kd/Mx8zn+0d7iNawV8Cgvet4VZScgVN+1G7q+JlON3f80LexuXh8CTMAsWiNC03s+Ey0NEIENYOVofALuGjNyaOVFAqPkwgLghzzN2tEXZa3wk"
        + "rteALm6qMkmR7oLww7XmVFpfS+4ow6rp3RDp4Js6JDitQrSTB5fDvqsRWpkGISRWzUD+JhF8JJCxuQYRdkhKBQL6S9+4slssOV0XpltN5oMIED"
        + "1Op4bbTldovz9M1hw/+cYQ9Hnsnn2STByLamu1oXvzYuVgfVfwEAAP//AwBQSwcIZK/q2gEBAACHAgAAUEsDBBQADgAIALiWdl0AAAAAAAAAAA"
        + "AAAAAYAAAAeGwvd29ya3NoZWV0cy9zaGVldDEueG1ser97v419RW6OQllqUXFmfp6tkqGegZJCal5yfkpmXrqtUmlJmq6Fkr2dTYVVeX5RdnFG"
        + "amqJQkVuTl6xVYWtUkZJSYGVvn5xckZqbmKxXn5Bal5Fbk5aflFuYkmxXn5Run5xQVFqYgpYW26OvpGBgZl+bmJmnhLIQLCoS2JJIohTlF+uUG"
        + "SrZAiWSQYxHQ2VFEpslTLzcjLzUoNLisAymcUgxSV2RanJ+UUp8ZkpNvoVViV2IBIkpV9hlQxSADbAiQgD8vJLUkGacRjhjM+IzJLU3Pji1MSi"
        + "5Iz45KLMktSizEQ8ZrkQa1ZZYk4pPke54jMoMTe/NK8EjzPc8OkuLE3MK8ksqcSj3x2f/uKSxKKS+JLM3NT40pJkPKZ44DMlNS+FGDM88ZmRWF"
        + "ycWkJC7HgRbRih6PHGZxI4zeQl5uKLXx+CBuQW5OEJW1+C+guKUpMzQfkdjyl+BE0pzcvEl9D88RmQnFiSmp5fVIk/BwfgMwISw6CCIA+/KYH4"
        + "TCnJTC3CEwpB+PSW6RWlpmfmY40L/QqrovxyUFkELdmMwOUXuGByNMJfsuka4nGREz7NaZlFxfjixBmiuRjsljI7A5A9ZeDSE1FsuqCqAbsFXY"
        + "0rxDdldgZ6hkbGJqZm5haWBjAWNkPdYBoM9UyxybtDLMVe2BsZGJnpGhjrGhgqGJhbGRlaGVuCzMBRZnsQa5QFQaM8IUbBgssIZCt6UHhB1GB3"
        + "uWOwroGBgSGIMAIRxiATcLjbH2IQzDKwUnTLAmHBiNUpQRATsDsltRSb3RjJ1BicNCDJ1BhPMk3LrCgpLUrVNTC0TE40SzJMSTYwMLcwMrBIsT"
        + "BMszAwTjE1tjA0scRXzjlDzId52ATkPnQPu6CqwZp23CBuLrMzwRoq7hAjsIcKiUmLKKOMiEmlnhCjYJ43w+Z5L4garC4HNcKsigsSk1NtlQqK"
        + "UotTi8pSlewUFEpS8xLzShTUEnMLrBXUckqsk/PV0kusFRRAFuBIed4Qe2BuMQcpRY8IH1Q1FtjU+KKqAWdSdHP8UNUYYi2C/FEVYc0KARA1WA"
        + "MH3DzM0wU7AN3PsBSvX2GF1ADVR2rf2gEAAAD//wMAUEsHCOftW6Y5AwAAFgsAAFBLAwQUAAgACAC4lnZdAAAAAAAAAAAAAAAAFAAAAHhsL3No"
        + "YXJlZFN0cmluZ3MueG1sfI7LSsRAEEV/JfRKF+l0ZiESkgzjAxduZFRwNxSdmqShH7GrIu23ufCT/AXJiBuh3dyiOLcO9fXx2W6Ts8UbRjLBd6"
        + "KWShTodRiMHzux8LG8FNu+TQ0RF4s3rwteh8VzJ+paFMlZT03qxMQ8N1VFekIHJMOMPjl7DNEBkwxxrGiOCANNiOxstVHqonJgvDi5zZrcG0Yn"
        + "3ezbat3W/CG//PH+udzlIBAhSzPk+Igeo9EHDYxjiO+53ukJGzTYQ172sL8p61IpVecaM0RwyBglowfP/8huE0co7q6y/OVpvyvzfEBtHNizzX"
        + "mu8fd2HcT9NwAAAP//AwBQSwcIr4pBIPgAAAAAAgAAUEsDBBQACAAAALiWdl0AAAAAAAAAAAAAAAALAAAAX3JlbHMvLnJlbHPvu788P3htbCB2"
        + "ZXJzaW9uPSIxLjAiIGVuY29kaW5nPSJ1dGYtOCI/PjxSZWxhdGlvbnNoaXBzIHhtbG5zPSJodHRwOi8vc2NoZW1hcy5vcGVueG1sZm9ybWF0cy"
        + "5vcmcvcGFja2FnZS8yMDA2L3JlbGF0aW9uc2hpcHMiPjxSZWxhdGlvbnNoaXAgVHlwZT0iaHR0cDovL3NjaGVtYXMub3BlbnhtbGZvcm1hdHMu"
        + "b3JnL29mZmljZURvY3VtZW50LzIwMDYvcmVsYXRpb25zaGlwcy9vZmZpY2VEb2N1bWVudCIgVGFyZ2V0PSIveGwvd29ya2Jvb2sueG1sIiBJZD"
        + "0icklkMSIgLz48L1JlbGF0aW9uc2hpcHM+UEsHCODj7jsbAQAAGwEAAFBLAwQUAAgACAC4lnZdAAAAAAAAAAAAAAAAGgAAAHhsL19yZWxzL3dv"
        + "cmtib29rLnhtbC5yZWxzxdI7TgMxEIDhq1jTs95dEEIomzRp0kIuYHlnbSt+yTMB52wUHIkrIIWCGFHQRFQjzUi/vmI+3t5Xmxq8eMFCLsUJhq"
        + "4HgVGn2UUzwZGXmwfYrFdP6BW7FMm6TKIGH2kCy5wfpSRtMSjqUsZYg19SCYqpS8XIrPRBGZRj39/LctmAtin2p4x/KaZlcRq3SR8DRv4lLF9T"
        + "OZBFZBB7VQzyBLL67zXJ8xi6GjyI3TxB2c0DCPnforERjdcUEZ88Usv52jWG26sarCo4P3Nx0fykXJ4a0d1ZJJt3XH8CUEsHCOuNg/jbAAAAxw"
        + "IAAFBLAwQUAAgACAC4lnZdAAAAAAAAAAAAAAAAEwAAAFtDb250ZW50X1R5cGVzXS54bWzEk8FKxDAQhl+l5CqbdPcgIm33sHpVQV8gpNM2bDIJ"
        + "mdnafTYPPpKvIJuVIiLIQsHTXGa+7x+G+Xh7r7aTd8UIiWzAWqxlKQpAE1qLfS0O3K1uxLapXo4RqJi8Q6rFwBxvlSIzgNckQwScvOtC8ppJht"
        + "SrqM1e96A2ZXmtTEAG5BWfGKKp7qDTB8fF/cSAZ+3knSh2576TqhY6RmeNZhtQjdj+kKxC11kDbTAHD8iSYgLd0gDA3slcpdcWrzJY/epM4Ogy"
        + "6ddWMoHLPTTYSLPicYSUbAvFk078oD3UQk1OER8dkFx4wwz9S/0a0j5PkMpls3CKmX9pkPV/BaFBJ2ifOVnsF7/Jd/YcROXPaT4BAAD//wMAUE"
        + "sHCHBWxKEVAQAAagMAAFBLAQIUAxQACAAIALiWdl05wTKNzwAAAKEBAAAPAAAAAAAAAAAAAACkgQAAAAB4bC93b3JrYm9vay54bWxQSwECFAMU"
        + "AAgACAC4lnZdN982NecAAADKAQAADQAAAAAAAAAAAAAApIEMAQAAeGwvc3R5bGVzLnhtbFBLAQIUAxQACAAIALiWdl1kr+raAQEAAIcCAAAYAA"
        + "AAAAAAAAAAAACkgS4CAAB4bC93b3Jrc2hlZXRzL3NoZWV0Mi54bWxQSwECFAMUAA4ACAC4lnZd5+1bpjkDAAAWCwAAGAAAAAAAAAAAAAAApIF1"
        + "AwAAeGwvd29ya3NoZWV0cy9zaGVldDEueG1sUEsBAhQDFAAIAAgAuJZ2Xa+KQSD4AAAAAAIAABQAAAAAAAAAAAAAAKSB9AYAAHhsL3NoYXJlZF"
        + "N0cmluZ3MueG1sUEsBAhQDFAAIAAAAuJZ2XeDj7jsbAQAAGwEAAAsAAAAAAAAAAAAAAKSBLggAAF9yZWxzLy5yZWxzUEsBAhQDFAAIAAgAuJZ2"
        + "XeuNg/jbAAAAxwIAABoAAAAAAAAAAAAAAKSBggkAAHhsL19yZWxzL3dvcmtib29rLnhtbC5yZWxzUEsBAhQDFAAIAAgAuJZ2XXBWxKEVAQAAag"
        + "MAABMAAAAAAAAAAAAAAKSBpQoAAFtDb250ZW50X1R5cGVzXS54bWxQSwUGAAAAAAgACAAIAgAA+wsAAAAA";

    [Fact]
    public void Parse_WorkbookFromTheClientWriter_ReadsEveryCell()
    {
        var result = UsageWorkbookParser.Parse(new MemoryStream(Convert.FromBase64String(ClientWorkbook)), 1 << 20);

        Assert.True(result.IsValid, result.Detail);
        Assert.Equal(18, result.Headers.Count);
        Assert.Equal("v.region", result.Headers[17]);
        Assert.Equal(2, result.Rows.Count);
        var first = result.Rows[0];
        Assert.Equal(("rec-1", "first", "item.mpn", "SKU-A"), (first.RecordId, first.RecordNote, first.ItemSearchCriteria, first.ItemSearchValue));
        Assert.Equal((1.5m, 0.123456789012345678m, 2), (first.Quantity!.Value, first.Amount!.Value, first.Tier!.Value));
        Assert.Equal(new DateTime(2026, 3, 1, 7, 21, 39, DateTimeKind.Utc), first.StartTimeUtc);
        Assert.Equal(new DateTime(2026, 3, 1, 8, 21, 39, DateTimeKind.Utc), first.EndTimeUtc);
        Assert.Equal(("asset.id", "AS-0001-0002-0003", "generic_category"), (first.AssetSearchCriteria, first.AssetSearchValue, first.CategoryId));
        Assert.Equal("eu", first.Params["v.region"]);
        var second = result.Rows[1];
        Assert.StartsWith("fixture-", second.RecordId, StringComparison.Ordinal);
        Assert.Equal(("item.local_id", "PRD-1-0001", 42m, (decimal?)null), (second.ItemSearchCriteria, second.ItemSearchValue, second.Quantity!.Value, second.Amount));
        Assert.Equal(("parameter.tenant_id", "tenant & <co>"), (second.AssetSearchCriteria, second.AssetSearchValue));
        Assert.Equal(("Extra GB", "EXTRA-GB", "decimal(2)", "GB", "recon-9"), (second.ItemName, second.ItemMpn, second.ItemPrecision, second.ItemUnit, second.AssetReconId));
        Assert.Empty(second.Params);
        var category = Assert.Single(result.Categories);
        Assert.Equal(("generic_category", "Generic Category", "Generic autogenerated category"), (category.Id, category.Name, category.Description));
    }
}
