using System.Globalization;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Features.Shared;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.Web.Features.Settings;

/// <summary>
/// The workspace's settings: name, hours per developer-day, the pinned current phase, time zone, and
/// (admins only) anonymous reading. One row, saved with a history entry and a data version bump.
/// </summary>
[Authorize(Policy = Policies.CanChangeSettings)]
[Route("/settings")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SettingsController(
    PhaseTrackerDbContext db,
    Workspace workspace,
    HistoryRecorder recorder,
    IAuthorizationService authorization) : Controller
{
    public const string Label = "Settings";

    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        ["saved"] = "Saved.",
        ["unchanged"] = "Nothing changed, so nothing was saved.",
    };

    [HttpGet("")]
    public async Task<IActionResult> Index(string? status, CancellationToken cancellationToken)
    {
        var effective = workspace.Effective(await workspace.ReadSavedAsync(cancellationToken));
        return View(await PageAsync(FormOf(effective), effective, status is null ? null : Messages.GetValueOrDefault(status), cancellationToken));
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(SettingsForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ModelState.Clear();
        var stored = await db.WorkspaceSettings.SingleOrDefaultAsync(s => s.Id == WorkspaceSettings.SingletonId, cancellationToken);
        var effective = workspace.Effective(stored);
        var values = await ParseAsync(form, effective, cancellationToken);
        if (values is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), await PageAsync(form, effective, null, cancellationToken));
        }

        if (form.RowVersion != effective.RowVersion)
        {
            return await ConflictAsync(stored, values, effective, cancellationToken);
        }

        var before = HistoryFields.Of(stored ?? new WorkspaceSettings());
        var settings = stored ?? new WorkspaceSettings();
        if (!values.ApplyTo(settings, effective))
        {
            return LocalRedirect("/settings?status=unchanged");
        }

        settings.RowVersion = effective.RowVersion + 1;
        if (stored is null)
        {
            db.WorkspaceSettings.Add(settings);
        }

        recorder.Record(Actor.Form(User), HistoryRecordType.Settings, WorkspaceSettings.SingletonId, null, Label, HistoryAction.Changed, before, HistoryFields.Of(settings));
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await db.BumpDataVersionAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: show what they saved, as for a stale form.
            db.ChangeTracker.Clear();
            var now = await workspace.ReadSavedAsync(cancellationToken);
            return await ConflictAsync(now, values, workspace.Effective(now), cancellationToken);
        }

        return LocalRedirect("/settings?status=saved");
    }

    private async Task<IActionResult> ConflictAsync(WorkspaceSettings? stored, SettingsValues values, EffectiveSettings effective, CancellationToken cancellationToken)
    {
        var theirs = stored ?? new WorkspaceSettings();
        var yours = Copy(theirs);
        values.ApplyTo(yours, effective);
        var changedBy = await recorder.LastActorAsync(HistoryRecordType.Settings, WorkspaceSettings.SingletonId, cancellationToken);
        return EditConflict.For(Request, Label, HistoryFields.Of(theirs), HistoryFields.Of(yours), effective.RowVersion, "/settings", changedBy).View(this);
    }

    /// <summary>The form's values parsed, or null with each field's error in the model state.</summary>
    private async Task<SettingsValues?> ParseAsync(SettingsForm form, EffectiveSettings effective, CancellationToken cancellationToken)
    {
        var name = form.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            ModelState.AddModelError(nameof(form.Name), "Enter a name for the workspace.");
        }
        else if (name.Length > SettingsForm.MaxNameLength)
        {
            ModelState.AddModelError(nameof(form.Name), $"The name can have at most {SettingsForm.MaxNameLength} characters; this one has {name.Length}.");
        }

        var hours = 0.0;
        if (!double.TryParse(form.HoursPerDay?.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out hours) || !double.IsFinite(hours))
        {
            ModelState.AddModelError(nameof(form.HoursPerDay), "Enter the hours as a number, such as 8 or 7.5.");
        }
        else if (hours <= 0 || hours > 24)
        {
            ModelState.AddModelError(nameof(form.HoursPerDay), "A developer-day has more than 0 and at most 24 hours.");
        }
        else if (Math.Round(hours * 2) != hours * 2)
        {
            ModelState.AddModelError(nameof(form.HoursPerDay), "Use whole or half hours, such as 7 or 7.5.");
        }

        int? pinned = null;
        if (!string.IsNullOrWhiteSpace(form.CurrentPhase))
        {
            if (int.TryParse(form.CurrentPhase.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                && await db.Phases.AnyAsync(p => p.Number == number, cancellationToken))
            {
                pinned = number;
            }
            else
            {
                ModelState.AddModelError(nameof(form.CurrentPhase), "Choose one of the phases in the database, or let the latest import decide.");
            }
        }

        var zone = Workspace.FindTimeZone(form.TimeZone);
        if (zone is null)
        {
            ModelState.AddModelError(nameof(form.TimeZone), "Enter a time zone by its IANA id, such as Europe/Istanbul.");
        }

        var anonymousRead = effective.AllowAnonymousRead;
        switch (form.AnonymousRead)
        {
            case null:
                // A lead's form has no such field: the setting stays as it is.
                break;
            case "on" or "off":
                anonymousRead = form.AnonymousRead == "on";
                if (anonymousRead != effective.AllowAnonymousRead
                    && !(await authorization.AuthorizeAsync(User, Policies.CanChangeAnonymousRead)).Succeeded)
                {
                    ModelState.AddModelError(nameof(form.AnonymousRead), "Only an admin can turn anonymous reading on or off; nothing was saved.");
                }

                break;
            default:
                ModelState.AddModelError(nameof(form.AnonymousRead), "Choose on or off.");
                break;
        }

        return ModelState.IsValid ? new SettingsValues(name, hours, pinned, zone!.Id, anonymousRead) : null;
    }

    private async Task<SettingsPage> PageAsync(SettingsForm form, EffectiveSettings effective, string? message, CancellationToken cancellationToken)
    {
        var phases = await db.Phases.AsNoTracking().OrderBy(p => p.Number)
            .Select(p => new PhaseChoice(p.Number, p.Title)).ToListAsync(cancellationToken);
        var canChangeAnonymousRead = (await authorization.AuthorizeAsync(User, Policies.CanChangeAnonymousRead)).Succeeded;
        return new SettingsPage(form, phases, canChangeAnonymousRead, effective.AllowAnonymousRead, message);
    }

    private static SettingsForm FormOf(EffectiveSettings effective) => new()
    {
        Name = effective.Name,
        HoursPerDay = effective.HoursPerDay.ToString("0.##", CultureInfo.InvariantCulture),
        CurrentPhase = effective.PinnedPhaseNumber?.ToString(CultureInfo.InvariantCulture) ?? "",
        TimeZone = effective.TimeZone.Id,
        AnonymousRead = effective.AllowAnonymousRead ? "on" : "off",
        RowVersion = effective.RowVersion,
    };

    private static WorkspaceSettings Copy(WorkspaceSettings settings) => new()
    {
        Name = settings.Name,
        HoursPerDay = settings.HoursPerDay,
        PinnedPhaseNumber = settings.PinnedPhaseNumber,
        AllowAnonymousRead = settings.AllowAnonymousRead,
        TimeZoneId = settings.TimeZoneId,
        RowVersion = settings.RowVersion,
    };
}

/// <summary>The settings a valid form asks for.</summary>
internal sealed record SettingsValues(string Name, double HoursPerDay, int? PinnedPhaseNumber, string TimeZoneId, bool AllowAnonymousRead)
{
    /// <summary>
    /// Writes each value that differs from the one in effect; a value left as it was stays unsaved (null),
    /// so that it keeps following the configuration. True when anything changed.
    /// </summary>
    public bool ApplyTo(WorkspaceSettings settings, EffectiveSettings effective)
    {
        var changed = false;
        if (!string.Equals(Name, effective.Name, StringComparison.Ordinal))
        {
            settings.Name = Name;
            changed = true;
        }

        if (HoursPerDay != effective.HoursPerDay)
        {
            settings.HoursPerDay = HoursPerDay;
            changed = true;
        }

        if (PinnedPhaseNumber != effective.PinnedPhaseNumber)
        {
            settings.PinnedPhaseNumber = PinnedPhaseNumber;
            changed = true;
        }

        if (!string.Equals(TimeZoneId, effective.TimeZone.Id, StringComparison.Ordinal))
        {
            settings.TimeZoneId = TimeZoneId;
            changed = true;
        }

        if (AllowAnonymousRead != effective.AllowAnonymousRead)
        {
            settings.AllowAnonymousRead = AllowAnonymousRead;
            changed = true;
        }

        return changed;
    }
}
