using PhaseTracker.Domain;

namespace PhaseTracker.Tracking;

/// <summary>Why a document was refused, in one sentence, with the line where it goes wrong (0: the whole file).</summary>
public sealed record DocumentRejection(int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"Line {Line}: {Message}" : Message;
}

/// <summary>
/// What reading a tracking document gives: the phase with its items, matrix, roadmap and links, the
/// decision records, and the warnings and repairs; or the reason the document was refused.
/// </summary>
public sealed class ReadResult
{
    private ReadResult(Phase? phase, List<DecisionRecord> records, string text, DocumentRejection? rejection)
    {
        Phase = phase;
        DecisionRecords = records;
        Text = text;
        Rejection = rejection;
    }

    public Phase? Phase { get; }
    public List<DecisionRecord> DecisionRecords { get; }

    /// <summary>The document's text after encoding repair: what a lossless export gives back.</summary>
    public string Text { get; }

    public DocumentRejection? Rejection { get; }

    public bool Accepted => Rejection is null;

    public IReadOnlyList<DocumentWarning> Warnings => Phase?.Warnings ?? [];

    internal static ReadResult Success(Phase phase, List<DecisionRecord> records, string text) =>
        new(phase, records, text, null);

    internal static ReadResult Rejected(int line, string message, string text = "") =>
        new(null, [], text, new DocumentRejection(line, message));
}
