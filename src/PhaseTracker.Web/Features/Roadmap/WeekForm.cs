using System.ComponentModel.DataAnnotations;
using System.Globalization;

using Microsoft.AspNetCore.Mvc.ModelBinding;

using PhaseTracker.Domain;
using PhaseTracker.Web.Features.Shared;

namespace PhaseTracker.Web.Features.Roadmap;

/// <summary>The week form: its theme and its day blocks, as posted (fields named <c>Form.Theme</c>, <c>Form.Blocks[0].Title</c>, ...).</summary>
public sealed class WeekForm
{
    public const string Prefix = "Form";

    [Required(ErrorMessage = "Give the week a theme.")]
    [StringLength(200, ErrorMessage = "Keep the theme to 200 characters.")]
    public string? Theme { get; set; }

    public List<BlockForm> Blocks { get; set; } = [];

    public static WeekForm Of(RoadmapWeek week)
    {
        ArgumentNullException.ThrowIfNull(week);
        return new WeekForm
        {
            Theme = week.Theme,
            Blocks = [.. week.Blocks.Select(b => new BlockForm
            {
                StartDay = b.StartDay,
                EndDay = b.EndDay,
                Title = b.Title,
                Tasks = [.. b.Tasks],
                ItemNumbers = [.. b.ItemNumbers],
            })],
        };
    }

    /// <summary>Makes the list change a button asked for; nothing is saved.</summary>
    public void Apply(ListAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var index = action.Indexes.Count > 0 ? action.Indexes[0] : (int?)null;
        if (action.List == "Blocks")
        {
            action.ApplyTo(Blocks, index, () => new BlockForm());
        }
        else if (action.List == "Tasks" && index is { } block && block >= 0 && block < Blocks.Count)
        {
            action.ApplyTo(Blocks[block].Tasks, action.Indexes.Count > 1 ? action.Indexes[1] : null, () => null);
        }
    }

    /// <summary>The checks one field alone cannot make: the days of each block, against each other.</summary>
    public void Validate(ModelStateDictionary modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        foreach (var (key, message) in CrossFieldErrors())
        {
            modelState.AddModelError($"{Prefix}.{key}", message);
        }
    }

    /// <summary>
    /// Every rule the form and the API share, keyed by the JSON path (<c>blocks[0].endDay</c>): the
    /// fields' own rules, the days against each other, and linked items that the phase must have (the
    /// form offers only those, so there an unknown number can only come from a stale page and is dropped).
    /// </summary>
    public Dictionary<string, string[]> Errors(ISet<int> knownItems)
    {
        ArgumentNullException.ThrowIfNull(knownItems);
        var errors = FieldErrors.Of(this);
        foreach (var (key, message) in CrossFieldErrors())
        {
            FieldErrors.Add(errors, FieldErrors.JsonPath(key), message);
        }

        for (var i = 0; i < Blocks.Count; i++)
        {
            var unknown = Blocks[i].ItemNumbers.Where(n => !knownItems.Contains(n)).Distinct().Order().ToList();
            if (unknown.Count > 0)
            {
                var numbers = string.Join(", ", unknown.Select(n => "#" + n.ToString(CultureInfo.InvariantCulture)));
                FieldErrors.Add(errors, $"blocks[{i.ToString(CultureInfo.InvariantCulture)}].itemNumbers", $"The phase has no item {numbers}; link only items of this phase.");
            }
        }

        return errors;
    }

    private IEnumerable<(string Key, string Message)> CrossFieldErrors()
    {
        // The roadmap's code block writes the theme in a heading and each title and task on a line of its own.
        if (SingleLine.Breaks(Theme))
        {
            yield return (nameof(Theme), SingleLine.Message);
        }

        for (var i = 0; i < Blocks.Count; i++)
        {
            var block = Blocks[i];
            var key = $"{nameof(Blocks)}[{i.ToString(CultureInfo.InvariantCulture)}]";
            if (SingleLine.Breaks(block.Title))
            {
                yield return ($"{key}.{nameof(BlockForm.Title)}", SingleLine.Message);
            }

            if (SingleLine.AnyBreaks(block.Tasks, null))
            {
                yield return ($"{key}.{nameof(BlockForm.Tasks)}", SingleLine.EntryMessage);
            }

            if (block.StartDay is null && block.EndDay is not null)
            {
                yield return ($"{key}.{nameof(BlockForm.StartDay)}", "Give the start day too, or leave both days empty.");
            }
            else if (block.StartDay is { } start && block.EndDay is { } end && start > end)
            {
                yield return ($"{key}.{nameof(BlockForm.EndDay)}", $"The end day comes before the start day ({start.ToString(CultureInfo.InvariantCulture)}).");
            }
        }
    }

    /// <summary>The blocks to save: trimmed, blank tasks left out, a single day written as both start and end (as the reader reads "Day 3").</summary>
    public List<RoadmapBlock> ToBlocks(ISet<int> knownItems) =>
    [
        .. Blocks.Select(b => new RoadmapBlock
        {
            StartDay = b.StartDay,
            EndDay = b.StartDay is null ? null : b.EndDay ?? b.StartDay,
            Title = (b.Title ?? "").Trim(),
            Tasks = [.. b.Tasks.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!.Trim())],
            ItemNumbers = [.. b.ItemNumbers.Where(knownItems.Contains).Distinct().Order()],
        }),
    ];
}

public sealed class BlockForm
{
    [Display(Name = "Start day")]
    [Range(1, 9999, ErrorMessage = "The start day is a whole number from 1.")]
    public int? StartDay { get; set; }

    [Display(Name = "End day")]
    [Range(1, 9999, ErrorMessage = "The end day is a whole number from 1.")]
    public int? EndDay { get; set; }

    [Required(ErrorMessage = "Give the block a title.")]
    [StringLength(300, ErrorMessage = "Keep the block's title to 300 characters.")]
    public string? Title { get; set; }

    public List<string?> Tasks { get; set; } = [];

    /// <summary>The numbers of the phase's items the block works on (checkboxes).</summary>
    public List<int> ItemNumbers { get; set; } = [];
}

/// <summary>The week form's page: new or existing week, the form, the items to link, and the overlaps found.</summary>
public sealed record WeekEditPage(
    int PhaseNumber,
    int WeekNumber,
    int? Id,
    int RowVersion,
    WeekForm Form,
    IReadOnlyList<ItemChoice> Items,
    IReadOnlyList<string> Overlaps)
{
    public bool IsNew => Id is null;

    public string Action => Id is { } id ? $"/roadmap/weeks/{id.ToString(CultureInfo.InvariantCulture)}/edit" : $"/roadmap/weeks/new?phase={PhaseNumber.ToString(CultureInfo.InvariantCulture)}";
}

public sealed record ItemChoice(int Number, string Title);

public static class DayOverlaps
{
    /// <summary>"Day 2-4 overlaps Day 3-5 in Week 1" for each pair of blocks of the week whose days overlap.</summary>
    public static List<string> Of(int weekNumber, IEnumerable<(int? Start, int? End)> blocks)
    {
        var days = blocks.Where(b => b.Start is not null).Select(b => (Start: b.Start!.Value, End: Math.Max(b.Start!.Value, b.End ?? b.Start!.Value))).ToList();
        var found = new List<string>();
        for (var i = 0; i < days.Count; i++)
        {
            for (var j = i + 1; j < days.Count; j++)
            {
                if (days[i].Start <= days[j].End && days[j].Start <= days[i].End)
                {
                    found.Add($"{Label(days[i])} overlaps {Label(days[j])} in Week {weekNumber.ToString(CultureInfo.InvariantCulture)}");
                }
            }
        }

        return found;
    }

    private static string Label((int Start, int End) days) => days.Start == days.End
        ? $"Day {days.Start.ToString(CultureInfo.InvariantCulture)}"
        : $"Day {days.Start.ToString(CultureInfo.InvariantCulture)}-{days.End.ToString(CultureInfo.InvariantCulture)}";
}
