using Microsoft.AspNetCore.Html;

namespace PhaseTracker.Web.Features.Document;

public sealed record DocumentViewModel(DocumentPhase? Phase, IReadOnlyList<PhaseChoice> Phases)
{
    public static DocumentViewModel Empty { get; } = new(null, []);
}

public sealed record DocumentPhase(
    int Number,
    string Title,
    IHtmlContent Process,
    bool HasProcess,
    IReadOnlyList<RelatedLink> RelatedDocuments,
    IHtmlContent LastUpdated,
    IHtmlContent Version,
    IHtmlContent Status,
    bool HasFooter);

/// <summary>A phase the switcher offers.</summary>
public sealed record PhaseChoice(int Number, string Title, bool Shown);

/// <summary>How a related document's address is shown.</summary>
public enum RelatedLinkKind
{
    /// <summary>An http, https or mailto address: a link.</summary>
    Web,

    /// <summary>A relative path: it points into the team's repository, not into this app, so it is shown as text.</summary>
    Repository,

    /// <summary>Any other scheme (javascript:, data:, ...): the address is not shown at all.</summary>
    Unsafe,
}

public sealed record RelatedLink(string Title, string Url, RelatedLinkKind Kind);
