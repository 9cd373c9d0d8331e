using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;

using Microsoft.AspNetCore.Mvc.ModelBinding;

using PhaseTracker.Domain;
using PhaseTracker.Tracking;
using PhaseTracker.Web.Features.Charts;
using PhaseTracker.Web.Features.Shared;

namespace PhaseTracker.Web.Features.Items;

/// <summary>
/// Every field of an item as the edit form posts it. Lists come as indexed inputs ("WhyDeferred[0]"),
/// so they are edited (added to, removed from, reordered) without any script; see <see cref="ListAction"/>.
/// </summary>
public sealed partial class ItemForm
{
    public const int TitleMaxLength = 200;
    public const double MaxEffortHours = 1000;

    /// <summary>The version of the item the form was read at (see <see cref="DeferredItem.RowVersion"/>).</summary>
    public int RowVersion { get; set; }

    [Required(ErrorMessage = "Give the item a title.")]
    [StringLength(TitleMaxLength, ErrorMessage = "Keep the title to at most 200 characters.")]
    public string? Title { get; set; }

    [Display(Name = "File")]
    public string? FilePath { get; set; }

    /// <summary>"emoji|label" of a status the document already uses; empty: the three fields below as typed.</summary>
    [Display(Name = "A status this document uses")]
    public string? StatusChoice { get; set; }

    [Display(Name = "Status emoji")]
    public string? StatusEmoji { get; set; }

    [Display(Name = "Status")]
    public string? StatusLabel { get; set; }

    [Display(Name = "Status note")]
    public string? StatusNote { get; set; }

    public List<string?> WhyDeferred { get; set; } = [];
    public List<string?> Done { get; set; } = [];
    public List<string?> Missing { get; set; } = [];
    public List<PlanStepForm> Plan { get; set; } = [];

    [Display(Name = "Estimated effort (hours)")]
    public string? Effort { get; set; }

    public string? Priority { get; set; }

    public string? Impact { get; set; }

    public string? Owner { get; set; }

    [Display(Name = "Tracking issue")]
    public string? TrackingIssue { get; set; }

    [Display(Name = "Completed on")]
    public string? CompletedOn { get; set; }

    [Display(Name = "Pull request")]
    public string? PullRequest { get; set; }

    public List<string?> ChangesToPlan { get; set; } = [];

    /// <summary>What the page around the form shows; never bound from the request.</summary>
    [BindNever]
    [Microsoft.AspNetCore.Mvc.ModelBinding.Validation.ValidateNever]
    public ItemFormPage Page { get; set; } = ItemFormPage.Empty;

    /// <summary>The priorities a lead picks from: "P0" … "P3", each with its word.</summary>
    public static IReadOnlyList<(string Value, string Text)> Priorities { get; } =
        [.. Enumerable.Range(0, 4).Select(p => ($"P{p}", $"P{p} ({Values.PriorityLabels[p]})"))];

    /// <summary>The impacts of the priority matrix, most severe first.</summary>
    public static IReadOnlyList<string> Impacts { get; } = [.. ImpactLevels.Descending.Select(l => l.Name())];

    public static ItemForm From(DeferredItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new ItemForm
        {
            RowVersion = item.RowVersion,
            Title = item.Title,
            FilePath = item.FilePath,
            StatusEmoji = item.StatusEmoji,
            StatusLabel = item.StatusLabel,
            StatusNote = item.StatusNote,
            WhyDeferred = [.. item.WhyDeferred],
            Done = [.. item.Done],
            Missing = [.. item.Missing],
            Plan = [.. item.Plan.Select(s => new PlanStepForm { Text = s.Text, SubSteps = [.. s.SubSteps] })],
            Effort = item.EffortHours is { } hours ? Values.FormatNumber(hours) : null,
            Priority = item.Priority is { } p ? $"P{p}" : null,
            Impact = item.Impact,
            Owner = item.Owner,
            TrackingIssue = item.TrackingIssue,
            CompletedOn = item.CompletedOn,
            PullRequest = item.PullRequest,
            ChangesToPlan = [.. item.ChangesToPlan],
        };
    }

    /// <summary>
    /// Checks what DataAnnotations cannot: effort, priority, impact, links, the completion date. A value the
    /// item already holds passes as it is (an imported "0.25 hours" is not the lead's typo to fix now).
    /// </summary>
    public void Validate(ModelStateDictionary state, DeferredItem? stored, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!string.IsNullOrWhiteSpace(Effort) && ReadEffort(Effort) is null &&
            !(stored?.EffortHours is { } hours && Effort.Trim() == Values.FormatNumber(hours)))
        {
            state.AddModelError(nameof(Effort), "Enter the effort as a number of hours from 0 to 1000, in whole or half hours (such as 2.5).");
        }

        if (!string.IsNullOrWhiteSpace(Priority) && ReadPriority(Priority) is null)
        {
            state.AddModelError(nameof(Priority), "Pick a priority from P0 (Critical) to P3 (Low).");
        }

        if (!string.IsNullOrWhiteSpace(Impact) && !Impacts.Contains(Impact.Trim(), StringComparer.Ordinal) && Impact.Trim() != stored?.Impact)
        {
            state.AddModelError(nameof(Impact), "Pick an impact from the list: Critical, High, Medium or Low.");
        }

        ValidateLinks(state, this, stored, today);
        ValidateLines(state, stored);
        foreach (var (name, entries) in TextLists())
        {
            if (entries.Any(HasUnsafeLink))
            {
                state.AddModelError(name, "Links in this list must be http or https addresses.");
            }
        }
    }

    /// <summary>Every value the document writes on one line has none (see <see cref="SingleLine"/>).</summary>
    internal void ValidateLines(ModelStateDictionary state, DeferredItem? stored)
    {
        foreach (var (name, value, held) in new[]
                 {
                     (nameof(Title), Title, stored?.Title), (nameof(FilePath), FilePath, stored?.FilePath),
                     (nameof(StatusLabel), StatusLabel, stored?.StatusLabel), (nameof(StatusNote), StatusNote, stored?.StatusNote),
                     (nameof(Impact), Impact, stored?.Impact), (nameof(Owner), Owner, stored?.Owner),
                     (nameof(TrackingIssue), TrackingIssue, stored?.TrackingIssue), (nameof(CompletedOn), CompletedOn, stored?.CompletedOn),
                     (nameof(PullRequest), PullRequest, stored?.PullRequest),
                 })
        {
            if (SingleLine.Breaks(value, held))
            {
                state.AddModelError(name, SingleLine.Message);
            }
        }

        List<string>?[] storedLists = [stored?.WhyDeferred, stored?.Done, stored?.Missing, stored?.ChangesToPlan];
        foreach (var ((name, entries), held) in TextLists().Zip(storedLists))
        {
            if (SingleLine.AnyBreaks(entries, held))
            {
                state.AddModelError(name, SingleLine.EntryMessage);
            }
        }

        var storedSteps = stored?.Plan.SelectMany(s => s.SubSteps.Prepend(s.Text)) ?? [];
        if (SingleLine.AnyBreaks(Plan.SelectMany(s => s.SubSteps.Prepend(s.Text)), storedSteps))
        {
            state.AddModelError(nameof(Plan), SingleLine.EntryMessage);
        }
    }

    /// <summary>
    /// The pull request, tracking issue and completion date: shared with the completion form. A completion date
    /// the item already holds is not judged again: an imported document may carry one ahead of today, and a lead
    /// who only changes the owner must still be able to save.
    /// </summary>
    internal static void ValidateLinks(ModelStateDictionary state, ItemForm form, DeferredItem? stored, DateOnly today)
    {
        if (!string.IsNullOrWhiteSpace(form.PullRequest) && ItemLink.From(form.PullRequest)?.Href is null)
        {
            state.AddModelError(nameof(PullRequest), "Enter the pull request as an http or https address (such as https://github.com/acme/app/pull/42).");
        }

        if (!string.IsNullOrWhiteSpace(form.TrackingIssue) && LooksLikeAddress(form.TrackingIssue) && ItemLink.From(form.TrackingIssue)?.Href is null)
        {
            state.AddModelError(nameof(TrackingIssue), "A tracking issue that is a link must be an http or https address; plain words are fine too.");
        }

        if (!string.IsNullOrWhiteSpace(form.CompletedOn) && form.CompletedOn.Trim() != stored?.CompletedOn)
        {
            if (!DocumentDates.TryRead(form.CompletedOn, out var date, out _))
            {
                state.AddModelError(nameof(CompletedOn), "Enter the completion date as a real date, such as November 12, 2025 or 2025-11-12.");
            }
            else if (date > today)
            {
                state.AddModelError(nameof(CompletedOn), $"The completion date cannot be in the future (today is {today.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)}).");
            }
        }
    }

    /// <summary>Writes the form's values into the item; a value left as it was stays exactly as it was.</summary>
    public void ApplyTo(DeferredItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        item.Title = Title?.Trim() ?? "";
        item.FilePath = Clean(FilePath);
        var (emoji, label) = Status();
        item.StatusEmoji = emoji;
        item.StatusLabel = label;
        item.StatusNote = Clean(StatusNote);
        item.IsComplete = Values.IsComplete(item.StatusEmoji, item.StatusLabel);
        item.WhyDeferred = Same(item.WhyDeferred, Entries(WhyDeferred));
        item.Done = Same(item.Done, Entries(Done));
        item.Missing = Same(item.Missing, Entries(Missing));
        var plan = Plan.Where(s => !string.IsNullOrWhiteSpace(s.Text)).Select(s => new PlanStep(s.Text!.Trim(), Entries(s.SubSteps))).ToList();
        if (!item.Plan.SequenceEqual(plan))
        {
            item.Plan = plan;
        }

        if (!(string.IsNullOrWhiteSpace(Effort) ? item.EffortHours is null : item.EffortHours is { } hours && Effort.Trim() == Values.FormatNumber(hours)))
        {
            item.EffortHours = string.IsNullOrWhiteSpace(Effort) ? null : ReadEffort(Effort);
        }

        var priority = string.IsNullOrWhiteSpace(Priority) ? null : ReadPriority(Priority);
        if (priority != item.Priority)
        {
            // The document's style: a priority written with its word ("P2 (Medium)") keeps one, a bare "P2" stays bare.
            var withWord = item.Priority is null || item.PriorityLabel is not null;
            item.Priority = priority;
            item.PriorityLabel = priority is { } p && withWord ? Values.PriorityLabels[p] : null;
        }

        item.Impact = Clean(Impact);
        item.Owner = Clean(Owner);
        item.TrackingIssue = Clean(TrackingIssue);
        item.CompletedOn = Clean(CompletedOn);
        item.PullRequest = Clean(PullRequest);
        item.ChangesToPlan = Same(item.ChangesToPlan, Entries(ChangesToPlan));
    }

    /// <summary>
    /// Changes one list as a list button asks: "WhyDeferred:add", "Plan:up:1", "Plan[1].SubSteps:remove:0".
    /// False where the action names no list or no entry.
    /// </summary>
    public bool ApplyListAction(string? action)
    {
        var parts = (action ?? "").Split(':');
        if (parts.Length is < 2 or > 3)
        {
            return false;
        }

        int? index = parts.Length == 3 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;
        if (parts.Length == 3 && index is null)
        {
            return false;
        }

        var name = parts[0];
        var op = parts[1];
        if (name == nameof(Plan))
        {
            return Change(Plan, op, index, () => new PlanStepForm());
        }

        var subSteps = SubStepsPattern().Match(name);
        if (subSteps.Success)
        {
            var step = int.Parse(subSteps.Groups["step"].Value, CultureInfo.InvariantCulture);
            return step < Plan.Count && Change(Plan[step].SubSteps, op, index, () => null);
        }

        var list = TextLists().FirstOrDefault(l => l.Name == name).Entries;
        return list is not null && Change(list, op, index, () => null);
    }

    internal IEnumerable<(string Name, List<string?> Entries)> TextLists() =>
    [
        (nameof(WhyDeferred), WhyDeferred), (nameof(Done), Done), (nameof(Missing), Missing), (nameof(ChangesToPlan), ChangesToPlan),
    ];

    private static bool Change<T>(List<T> list, string op, int? index, Func<T> blank)
    {
        switch (op, index)
        {
            case ("add", null):
                list.Add(blank());
                return true;
            case ("add", { } at) when at <= list.Count:
                list.Insert(at, blank());
                return true;
            case ("remove", { } at) when at < list.Count:
                list.RemoveAt(at);
                return true;
            case ("up", { } at) when at > 0 && at < list.Count:
                (list[at - 1], list[at]) = (list[at], list[at - 1]);
                return true;
            case ("down", { } at) when at + 1 < list.Count:
                (list[at + 1], list[at]) = (list[at], list[at + 1]);
                return true;
            default:
                return false;
        }
    }

    private (string? Emoji, string? Label) Status()
    {
        if (!string.IsNullOrEmpty(StatusChoice) && StatusChoice.IndexOf('|', StringComparison.Ordinal) is var bar and >= 0)
        {
            return (Clean(StatusChoice[..bar]), Clean(StatusChoice[(bar + 1)..]));
        }

        return (Clean(StatusEmoji), Clean(StatusLabel));
    }

    /// <summary>Whole or half hours from 0 to 1000; null for anything else.</summary>
    internal static double? ReadEffort(string text) =>
        double.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours) &&
        hours is >= 0 and <= MaxEffortHours && Math.Abs((hours * 2) - Math.Round(hours * 2)) < 1e-9
            ? hours
            : null;

    internal static int? ReadPriority(string text) => text.Trim().ToUpperInvariant() switch
    {
        "P0" => 0,
        "P1" => 1,
        "P2" => 2,
        "P3" => 3,
        _ => null,
    };

    internal static List<string> Entries(IEnumerable<string?> entries) =>
        [.. entries.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e!.Trim())];

    private static List<string> Same(List<string> stored, List<string> posted) => stored.SequenceEqual(posted) ? stored : posted;

    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Whether a value means to be an address ("https://…", "www.…", "[#42](…)") rather than plain words.</summary>
    private static bool LooksLikeAddress(string value) =>
        SchemePattern().IsMatch(value.Trim()) || value.TrimStart().StartsWith("www.", StringComparison.OrdinalIgnoreCase) ||
        MarkdownLinkPattern().IsMatch(value);

    /// <summary>A markdown link or bare address in a list entry whose scheme is not http or https ("javascript:…").</summary>
    private static bool HasUnsafeLink(string? entry) =>
        !string.IsNullOrEmpty(entry) && MarkdownLinkPattern().Matches(entry).Any(m =>
            SchemePattern().IsMatch(m.Groups["url"].Value) && ItemLink.From(m.Groups["url"].Value)?.Href is null);

    [GeneratedRegex(@"^Plan\[(?<step>\d{1,4})\]\.SubSteps$")]
    private static partial Regex SubStepsPattern();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.\-]*:(?!\s)")]
    private static partial Regex SchemePattern();

    [GeneratedRegex(@"\]\(\s*<?(?<url>[^)\s>]+)")]
    private static partial Regex MarkdownLinkPattern();
}

/// <summary>The page around an item form: where it posts, which item and phase, the document's statuses.</summary>
public sealed record ItemFormPage(int? ItemId, int? ItemNumber, int PhaseNumber, string PhaseTitle, IReadOnlyList<(string Value, string Text)> Statuses)
{
    public static ItemFormPage Empty { get; } = new(null, null, 0, "", []);

    public string PostUrl => ItemId is { } id ? $"/items/{id}/edit" : $"/items/new?phase={PhaseNumber}";

    public string CancelUrl => ItemId is { } id ? $"/items/{id}" : $"/items?phase={PhaseNumber}";
}

public sealed class PlanStepForm
{
    public string? Text { get; set; }

    public List<string?> SubSteps { get; set; } = [];
}

/// <summary>A list of the form edited as a list: its inputs and its add, remove and move buttons.</summary>
public sealed record TextListEditor(string Name, string Label, IReadOnlyList<string?> Entries, string? Hint = null)
{
    public string Id => Name.Replace('[', '-').Replace(']', '-').Replace('.', '-');
}
