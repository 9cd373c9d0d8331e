namespace PhaseTracker.Domain;

/// <summary>A link from the document's "Related Documentation" section.</summary>
public class RelatedDocument
{
    public int Id { get; set; }
    public int PhaseId { get; set; }
    public int Ordinal { get; set; }
    public string Title { get; set; } = "";
    public string Url { get; set; } = "";
}
