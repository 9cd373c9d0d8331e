using Microsoft.AspNetCore.Mvc;

namespace PhaseTracker.Web.Features.Import;

/// <summary>The summary of the import just applied, shown once on the page the import redirects to.</summary>
public sealed class ImportOutcomeViewComponent : ViewComponent
{
    public IViewComponentResult Invoke() =>
        TempData[ImportController.OutcomeKey] is string outcome
            ? View("~/Features/Import/Components/ImportOutcome.cshtml", outcome)
            : Content("");
}
