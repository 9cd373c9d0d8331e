namespace PhaseTracker.Web.Features.Import;

/// <summary>How big a document the browser and the API take.</summary>
public static class ImportLimits
{
    /// <summary>10 MB: the generated 10,000-item document is 4 MB, so a real one stays well below.</summary>
    public const int MaxDocumentBytes = 10 * 1024 * 1024;

    /// <summary>
    /// What the server lets a request carry: well over the document's limit, so that the app reads a
    /// document a bit too big and answers with its own sentence instead of the server cutting it off.
    /// </summary>
    public const int MaxRequestBytes = 32 * 1024 * 1024;

    public const string TooBig = "The document is larger than 10 MB; the import takes documents up to 10 MB.";
}
