using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Connect.Sdk.Models;

namespace Connect.Sdk.Resources;

/// <summary>Usage files (<c>/usage/files</c>): create, upload, and the workflow actions.</summary>
public sealed class UsageFilesResource : ResourceCollection<UsageFile>
{
    internal UsageFilesResource(ConnectTransport transport)
        : base(transport, "usage/files")
    {
    }

    /// <summary>Creates a usage file in draft: <c>POST /usage/files</c> (name, product.id, contract.id, period, currency, ...).</summary>
    /// <param name="file">The file's metadata.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The created file.</returns>
    public Task<UsageFile> CreateAsync(UsageFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Transport.SendAsync<UsageFile>(HttpMethod.Post, Path, null, ConnectTransport.JsonModel(file), cancellationToken);
    }

    /// <summary>Updates a usage file: <c>PUT /usage/files/{id}</c> (description, note, period, currency, external_id).</summary>
    /// <param name="id">Usage file id.</param>
    /// <param name="file">The fields to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated file.</returns>
    public Task<UsageFile> UpdateAsync(string id, UsageFile file, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        return Transport.SendAsync<UsageFile>(HttpMethod.Put, ItemPath(id), null, ConnectTransport.JsonModel(file), cancellationToken);
    }

    /// <summary>
    /// Uploads the spreadsheet: <c>POST /usage/files/{id}/upload</c>, multipart field <c>usage_file</c>, file name
    /// <c>usage_file.xlsx</c>. The stream is read into memory so a retry can resend it.
    /// </summary>
    /// <param name="id">Usage file id.</param>
    /// <param name="xlsx">The .xlsx contents.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The usage file (the API answers 201, or 200 per the spec).</returns>
    public async Task<UsageFile> UploadAsync(string id, Stream xlsx, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        using var buffer = new MemoryStream();
        await xlsx.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var file = new ByteArrayContent(buffer.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var form = new MultipartFormDataContent { { file, "usage_file", "usage_file.xlsx" } };
        return await Transport.SendAsync<UsageFile>(HttpMethod.Post, ItemPath(id) + "/upload", null, form, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Submits a ready file to the provider: <c>POST .../submit {}</c>.</summary>
    /// <param name="id">Usage file id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The usage file as Connect returns it after the action; <see langword="null"/> only when Connect answers with no body (a 204 or an empty 200, which a proxy or an older API version may send; read the document with <c>GetAsync</c> then).</returns>
    public Task<UsageFile?> SubmitAsync(string id, CancellationToken cancellationToken = default) => ActionAsync(id, "submit", new JsonObject(), cancellationToken);

    /// <summary>Accepts a file (provider): <c>POST .../accept {"acceptance_note"}</c>.</summary>
    /// <param name="id">Usage file id.</param>
    /// <param name="note">Acceptance note.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The usage file as Connect returns it after the action; <see langword="null"/> only when Connect answers with no body (a 204 or an empty 200, which a proxy or an older API version may send; read the document with <c>GetAsync</c> then).</returns>
    public Task<UsageFile?> AcceptAsync(string id, string note, CancellationToken cancellationToken = default) =>
        ActionAsync(id, "accept", new JsonObject { ["acceptance_note"] = note ?? string.Empty }, cancellationToken);

    /// <summary>Rejects a file (provider): <c>POST .../reject {"rejection_note"}</c>.</summary>
    /// <param name="id">Usage file id.</param>
    /// <param name="note">Rejection note.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The usage file as Connect returns it after the action; <see langword="null"/> only when Connect answers with no body (a 204 or an empty 200, which a proxy or an older API version may send; read the document with <c>GetAsync</c> then).</returns>
    public Task<UsageFile?> RejectAsync(string id, string note, CancellationToken cancellationToken = default) =>
        ActionAsync(id, "reject", new JsonObject { ["rejection_note"] = note ?? string.Empty }, cancellationToken);

    /// <summary>Closes a file: <c>POST .../close</c> (sends <c>{}</c>, never <c>null</c>).</summary>
    /// <param name="id">Usage file id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The usage file as Connect returns it after the action; <see langword="null"/> only when Connect answers with no body (a 204 or an empty 200, which a proxy or an older API version may send; read the document with <c>GetAsync</c> then).</returns>
    public Task<UsageFile?> CloseAsync(string id, CancellationToken cancellationToken = default) => ActionAsync(id, "close", new JsonObject(), cancellationToken);

    /// <summary>Deletes a file: <c>POST .../delete</c>.</summary>
    /// <param name="id">Usage file id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The usage file as Connect returns it after the action; <see langword="null"/> only when Connect answers with no body (a 204 or an empty 200, which a proxy or an older API version may send; read the document with <c>GetAsync</c> then).</returns>
    public Task<UsageFile?> DeleteAsync(string id, CancellationToken cancellationToken = default) => ActionAsync(id, "delete", new JsonObject(), cancellationToken);

    /// <summary>Reprocesses a file: <c>POST .../reprocess</c>.</summary>
    /// <param name="id">Usage file id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The usage file as Connect returns it after the action; <see langword="null"/> only when Connect answers with no body (a 204 or an empty 200, which a proxy or an older API version may send; read the document with <c>GetAsync</c> then).</returns>
    public Task<UsageFile?> ReprocessAsync(string id, CancellationToken cancellationToken = default) => ActionAsync(id, "reprocess", new JsonObject(), cancellationToken);

    /// <summary>The link of a product's usage spreadsheet template: <c>GET /usage/products/{id}/template</c>.</summary>
    /// <param name="productId">Product id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The <c>template_link</c>.</returns>
    public async Task<string> GetTemplateLinkAsync(string productId, CancellationToken cancellationToken = default)
    {
        var link = await Transport.SendAsync<UsageTemplateLink>(
            HttpMethod.Get, "usage/products/" + ConnectTransport.Segment(productId) + "/template", null, null, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(link.TemplateLink)
            ? throw new ConnectSerializationException(typeof(UsageTemplateLink), "$.template_link", "the template link is missing")
            : link.TemplateLink;
    }

    /// <summary>Downloads a product's usage template. The download goes to the link's host without the API key.</summary>
    /// <param name="productId">Product id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The .xlsx bytes.</returns>
    public async Task<byte[]> DownloadTemplateAsync(string productId, CancellationToken cancellationToken = default)
    {
        var link = await GetTemplateLinkAsync(productId, cancellationToken).ConfigureAwait(false);
        return await Transport.DownloadAsync(Transport.Resolve(link), cancellationToken).ConfigureAwait(false);
    }

    private string ItemPath(string id) => Path + "/" + ConnectTransport.Segment(id);

    private Task<UsageFile?> ActionAsync(string id, string action, JsonObject body, CancellationToken cancellationToken) =>
        Transport.SendOptionalAsync<UsageFile>(HttpMethod.Post, ItemPath(id) + "/" + action, null, ConnectTransport.Json(body), cancellationToken);
}
