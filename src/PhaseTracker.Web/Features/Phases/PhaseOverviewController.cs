using System.Globalization;

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

using PhaseTracker.Domain;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Features.History;
using PhaseTracker.Web.Features.Roadmap;
using PhaseTracker.Web.Features.Shared;
using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.Web.Features.Phases;

/// <summary>
/// Leads edit a phase's overview (title, purpose, status, timeline): above all the one a deferral
/// created for the next phase, whose overview is left for them to fill in.
/// </summary>
[Authorize(Policy = Policies.CanEdit)]
public sealed class PhaseOverviewController(PhaseTrackerDbContext db, PhaseEditor editor, HistoryRecorder recorder) : Controller
{
    private const string EditView = "~/Features/Phases/Edit.cshtml";

    [HttpGet("/phases/{number:int}/edit")]
    public async Task<IActionResult> Edit(int number, CancellationToken cancellationToken) =>
        await db.Phases.AsNoTracking().SingleOrDefaultAsync(p => p.Number == number, cancellationToken) is { } phase
            ? View(EditView, new PhaseOverviewPage(phase.Number, phase.RowVersion, new PhaseInput
            {
                Title = phase.Title,
                Purpose = phase.Purpose,
                Status = phase.StatusLine,
                Timeline = phase.Timeline,
            }))
            : NotFound();

    [HttpPost("/phases/{number:int}/edit")]
    public async Task<IActionResult> Edit(
        int number, [FromForm] PhaseInput form, [FromForm(Name = EditConflict.RowVersionField)] int rowVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var phase = await db.Phases.SingleOrDefaultAsync(p => p.Number == number, cancellationToken);
        if (phase is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        if (string.IsNullOrWhiteSpace(form.Title))
        {
            ModelState.AddModelError(nameof(PhaseInput.Title), "Give the phase a title.");
        }

        PhaseEditor.Validate(form, form.Title, ModelState, FormKey, phase);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(EditView, new PhaseOverviewPage(number, rowVersion, form));
        }

        var result = await editor.SaveAsync(Actor.Form(User), phase, rowVersion, form, cancellationToken);
        return result.Status switch
        {
            EditStatus.Saved => Redirect(DashboardUrl(number, "saved")),
            EditStatus.Unchanged => Redirect(DashboardUrl(number, "unchanged")),
            EditStatus.Conflict => await ConflictAsync(result.Record!, result.Yours!, cancellationToken),
            _ => NotFound(),
        };
    }

    /// <summary>Where a save lands: the phase's dashboard with its confirmation.</summary>
    internal static string DashboardUrl(int number, string? done = null) =>
        $"/?phase={number.ToString(CultureInfo.InvariantCulture)}" + (done is null ? "" : $"&done={done}");

    /// <summary>The form names fields as the page does ("Title"), the editor as the API does ("title").</summary>
    private static string FormKey(string field) => char.ToUpperInvariant(field[0]) + field[1..];

    private async Task<IActionResult> ConflictAsync(Phase stored, Phase yours, CancellationToken cancellationToken)
    {
        var changedBy = await recorder.LastActorAsync(HistoryRecordType.Phase, stored.Id, cancellationToken);
        return EditConflict.For(Request, HistoryFields.LabelOf(stored), HistoryFields.Of(stored), HistoryFields.Of(yours), stored.RowVersion,
            DashboardUrl(stored.Number), changedBy).View(this);
    }
}

/// <summary>The overview form of phase <paramref name="Number"/>, read at <paramref name="RowVersion"/>.</summary>
public sealed record PhaseOverviewPage(int Number, int RowVersion, PhaseInput Form);
