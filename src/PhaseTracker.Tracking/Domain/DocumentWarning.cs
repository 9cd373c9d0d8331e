namespace PhaseTracker.Domain;

public enum WarningKind
{
    /// <summary>The document disagrees with itself or holds something the importer could not read.</summary>
    Warning,

    /// <summary>Mojibake was repaired; a best guess where a byte had been lost.</summary>
    Repair,
}

/// <summary>Something the import noticed, with the line it is on, kept so the dashboard can show it.</summary>
public class DocumentWarning
{
    public int Id { get; set; }
    public int PhaseId { get; set; }
    public WarningKind Kind { get; set; }
    public int Line { get; set; }
    public string Message { get; set; } = "";

    public override string ToString() => $"line {Line}: {Message}";
}
