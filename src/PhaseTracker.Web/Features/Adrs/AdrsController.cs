using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.Web.Features.Adrs;

public sealed class AdrsController(AdrsQuery query, IAuthorizationService authorization) : Controller
{
    private static readonly Dictionary<string, string> Confirmations = new(StringComparer.Ordinal)
    {
        ["created"] = "Decision record created.",
        ["saved"] = "Decision record saved.",
        ["unchanged"] = "Nothing changed; nothing was saved.",
        ["accepted"] = "Decision record accepted.",
        ["rejected"] = "Decision record rejected.",
        ["deprecated"] = "Decision record deprecated.",
        ["superseded"] = "Decision record superseded; the newer record now says it supersedes this one.",
        ["restored"] = "Decision record restored.",
    };

    [HttpGet("/adrs")]
    public async Task<IActionResult> Index([FromQuery] string? status, [FromQuery] int? page, CancellationToken cancellationToken) =>
        View(await query.ListAsync(status, page ?? 1, cancellationToken));

    /// <summary>One record by its ADR number: <c>/adrs/4</c> is ADR-004.</summary>
    /// <param name="number">The ADR number.</param>
    /// <param name="done">After a save or a lifecycle step: which, for its confirmation.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    [HttpGet("/adrs/{number:int}")]
    public async Task<IActionResult> Details(int number, string? done, CancellationToken cancellationToken)
    {
        if (await query.GetAsync(number, cancellationToken) is not { } record)
        {
            return NotFound();
        }

        var choices = (await authorization.AuthorizeAsync(User, Policies.CanEdit)).Succeeded
            ? await query.OtherRecordsAsync(number, cancellationToken)
            : [];
        return View(record with { Confirmation = done is null ? null : Confirmations.GetValueOrDefault(done), Choices = choices });
    }
}
