using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

using PhaseTracker.Domain;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Features.Roadmap;
using PhaseTracker.Web.Features.Shared;

namespace PhaseTracker.Web.Features.Phases;

/// <summary>
/// The phase overview's editing rules, shared by the overview form and the API: title required and at
/// most 200 characters, the other fields at most 4,000; a save checks the row version, writes nothing
/// when nothing changed (so the export stays byte-identical), and otherwise records the history entry
/// and bumps the data version in one transaction.
/// </summary>
public sealed class PhaseEditor(PhaseTrackerDbContext db, HistoryRecorder recorder)
{
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 4000;

    /// <summary>
    /// Adds the rules' messages to <paramref name="errors"/>, keyed by <paramref name="key"/>("title"), so the
    /// API and the form each name fields their own way. A value <paramref name="stored"/> already holds passes.
    /// </summary>
    public static void Validate(PhaseInput input, string? title, ModelStateDictionary errors, Func<string, string> key, Phase? stored = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(key);
        if (title is { Length: > TitleMaxLength })
        {
            errors.AddModelError(key("title"), "Keep the title to at most 200 characters.");
        }

        foreach (var (name, value, held) in new[]
                 {
                     ("title", title, stored?.Title), ("purpose", input.Purpose, stored?.Purpose),
                     ("status", input.Status, stored?.StatusLine), ("timeline", input.Timeline, stored?.Timeline),
                 })
        {
            if (name != "title" && value is { Length: > TextMaxLength })
            {
                errors.AddModelError(key(name), $"Keep the {name} to at most 4000 characters.");
            }
            else if (SingleLine.Breaks(value, held))
            {
                errors.AddModelError(key(name), SingleLine.Message);
            }
        }
    }

    /// <summary>The input's values; a value left as it was stays exactly as it was.</summary>
    public static void Apply(Phase phase, PhaseInput input, string title)
    {
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(input);
        phase.Title = Same(phase.Title, title) ?? "";
        phase.Purpose = Same(phase.Purpose, input.Purpose);
        phase.StatusLine = Same(phase.StatusLine, input.Status);
        phase.Timeline = Same(phase.Timeline, input.Timeline);
    }

    /// <summary>
    /// Saves <paramref name="input"/> over <paramref name="phase"/> (tracked), read at <paramref name="rowVersion"/>.
    /// A conflict carries the phase as saved now and, as "yours", the phase with the input applied.
    /// </summary>
    public async Task<EditResult<Phase>> SaveAsync(Actor actor, Phase phase, int rowVersion, PhaseInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(input);
        var yours = new Phase { Id = phase.Id, Number = phase.Number, Title = phase.Title, Purpose = phase.Purpose, StatusLine = phase.StatusLine, Timeline = phase.Timeline };
        Apply(yours, input, input.Title ?? "");
        if (rowVersion != phase.RowVersion)
        {
            return EditResult.Conflict(phase, yours);
        }

        var before = HistoryFields.Of(phase);
        Apply(phase, input, input.Title ?? "");
        var after = HistoryFields.Of(phase);
        if (HistoryRecorder.Compare(before, after).Count == 0)
        {
            return EditResult.Unchanged(phase);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        phase.RowVersion++;
        recorder.Record(actor, HistoryRecordType.Phase, phase.Id, phase.Number, HistoryFields.LabelOf(phase), HistoryAction.Changed, before, after);
        try
        {
            await db.BumpDataVersionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Saved by someone else between our read and our write.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            var stored = await db.Phases.AsNoTracking().SingleOrDefaultAsync(p => p.Id == phase.Id, cancellationToken);
            return stored is null ? EditResult.Missing<Phase>() : EditResult.Conflict(stored, yours);
        }

        return EditResult.Saved(phase);
    }

    /// <summary>The stored text where the input says the same (an imported value keeps its exact spacing), else the input, trimmed.</summary>
    private static string? Same(string? stored, string? input) => Clean(stored) == Clean(input) ? stored : Clean(input);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
