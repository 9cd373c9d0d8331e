using System.Text.Json;

using Microsoft.AspNetCore.Mvc.ModelBinding;

using PhaseTracker.Domain;
using PhaseTracker.Tracking;

namespace PhaseTracker.Web.Features.Items;

/// <summary>An item's status as the document writes it: "🔄 In progress (half done)".</summary>
public sealed record ItemStatusDto(string? Emoji, string? Label, string? Note);

public sealed record PlanStepDto(string Text, IReadOnlyList<string> SubSteps);

public sealed record DeferralDto(int FromPhase, int ToPhase, string Reason, string Date);

/// <summary>An item as the API shows it; <see cref="RowVersion"/> is also in the response's ETag.</summary>
public sealed record ItemDto(
    int Id,
    int Phase,
    int Number,
    string Title,
    string? File,
    ItemStatusDto Status,
    bool IsComplete,
    IReadOnlyList<string> WhyDeferred,
    IReadOnlyList<string> Done,
    IReadOnlyList<string> Missing,
    IReadOnlyList<PlanStepDto> Plan,
    double? EffortHours,
    string? Priority,
    string? PriorityLabel,
    string? Impact,
    string? Owner,
    string? TrackingIssue,
    string? CompletedOn,
    string? PullRequest,
    IReadOnlyList<string> ChangesToPlan,
    IReadOnlyList<DeferralDto> Deferrals,
    int RowVersion,
    string Url)
{
    /// <summary>The item with its phase loaded; <paramref name="origin"/> is the app's address ("https://tracker.example.com").</summary>
    public static ItemDto From(DeferredItem item, string origin)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new ItemDto(
            item.Id,
            item.Phase!.Number,
            item.Number,
            item.Title,
            item.FilePath,
            new ItemStatusDto(item.StatusEmoji, item.StatusLabel, item.StatusNote),
            item.IsComplete,
            [.. item.WhyDeferred],
            [.. item.Done],
            [.. item.Missing],
            [.. item.Plan.Select(s => new PlanStepDto(s.Text, [.. s.SubSteps]))],
            item.EffortHours,
            item.Priority is { } p ? $"P{p}" : null,
            item.Priority is { } q ? Values.PriorityLabels[q] : null,
            item.Impact,
            item.Owner,
            item.TrackingIssue,
            item.CompletedOn,
            item.PullRequest,
            [.. item.ChangesToPlan],
            [.. item.Deferrals.Select(d => new DeferralDto(d.FromPhase, d.ToPhase, d.Reason, d.Date))],
            item.RowVersion,
            $"{origin}/items/{item.Id}");
    }
}

/// <summary>
/// The editable fields of an item. A PUT replaces them all (a field left out is emptied), so send back
/// what a GET gave with your changes; the phase is read on create only (deferring moves an item).
/// </summary>
public sealed class ItemInput
{
    /// <summary>The phase a new item goes into; the current phase when left out. Ignored on update.</summary>
    public int? Phase { get; set; }

    public string? Title { get; set; }

    public string? File { get; set; }

    public ItemStatusDto? Status { get; set; }

    public List<string?>? WhyDeferred { get; set; }

    public List<string?>? Done { get; set; }

    public List<string?>? Missing { get; set; }

    public List<PlanStepDto>? Plan { get; set; }

    /// <summary>Whole or half hours from 0 to 1000.</summary>
    public double? EffortHours { get; set; }

    /// <summary>"P0" (Critical) to "P3" (Low).</summary>
    public string? Priority { get; set; }

    /// <summary>Critical, High, Medium or Low.</summary>
    public string? Impact { get; set; }

    public string? Owner { get; set; }

    public string? TrackingIssue { get; set; }

    public string? CompletedOn { get; set; }

    public string? PullRequest { get; set; }

    public List<string?>? ChangesToPlan { get; set; }

    /// <summary>The form these values would post, so that the API and the form share every rule.</summary>
    public ItemForm ToForm() => new()
    {
        Title = Title,
        FilePath = File,
        StatusEmoji = Status?.Emoji,
        StatusLabel = Status?.Label,
        StatusNote = Status?.Note,
        WhyDeferred = WhyDeferred ?? [],
        Done = Done ?? [],
        Missing = Missing ?? [],
        Plan = [.. (Plan ?? []).Select(s => new PlanStepForm { Text = s.Text, SubSteps = [.. (s.SubSteps ?? []).Select(x => (string?)x)] })],
        Effort = EffortHours is { } hours ? Values.FormatNumber(hours) : null,
        Priority = Priority,
        Impact = Impact,
        Owner = Owner,
        TrackingIssue = TrackingIssue,
        CompletedOn = CompletedOn,
        PullRequest = PullRequest,
        ChangesToPlan = ChangesToPlan ?? [],
    };

    /// <summary>The form's errors under the input's own (JSON) field names.</summary>
    public static ModelStateDictionary ErrorsByField(ModelStateDictionary formErrors)
    {
        ArgumentNullException.ThrowIfNull(formErrors);
        var errors = new ModelStateDictionary();
        foreach (var (key, entry) in formErrors)
        {
            var field = key switch
            {
                nameof(ItemForm.FilePath) => nameof(File),
                nameof(ItemForm.Effort) => nameof(EffortHours),
                nameof(ItemForm.StatusEmoji) or nameof(ItemForm.StatusLabel) or nameof(ItemForm.StatusNote) => nameof(Status),
                _ => key,
            };
            foreach (var error in entry.Errors)
            {
                errors.AddModelError(JsonNamingPolicy.CamelCase.ConvertName(field), error.ErrorMessage);
            }
        }

        return errors;
    }
}

public sealed class DeferInput
{
    /// <summary>Why the item moves to the next phase (required, at most 1000 characters).</summary>
    public string? Reason { get; set; }
}

public sealed class CompleteInput
{
    /// <summary>The date the work was completed; today, in the document's date format, when left out.</summary>
    public string? CompletedOn { get; set; }

    public string? PullRequest { get; set; }

    /// <summary>The changes to the plan; the item's current list when left out.</summary>
    public List<string?>? ChangesToPlan { get; set; }
}
