using PhaseTracker.Domain;

namespace PhaseTracker.Tracking;

public static class TrackingDocumentWriter
{
    /// <summary>Writes the phase's document; byte-identical to what was read when nothing changed.</summary>
    public static string Write(Phase phase, IReadOnlyCollection<DecisionRecord> decisionRecords) =>
        throw new NotImplementedException();
}
