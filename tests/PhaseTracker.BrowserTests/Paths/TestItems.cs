using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.BrowserTests.Infrastructure;
using PhaseTracker.BrowserTests.Pages;
using PhaseTracker.Web.Features.Export;

using static Microsoft.Playwright.Assertions;

namespace PhaseTracker.BrowserTests.Paths;

/// <summary>What the editing paths share: an item of their own, made through the form, and the exported document.</summary>
internal static class TestItems
{
    /// <summary>The seed document's phase, where the tests add their items.</summary>
    public const int Phase = 2;

    /// <summary>A title no other test uses.</summary>
    public static string UniqueTitle(string what) => $"{what} {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Creates an item in phase 2 through /items/new, with plan steps, and lands on its page.</summary>
    public static async Task<ItemPage> CreateAsync(BrowserSession session, string title, params string[] planSteps)
    {
        var form = await ItemFormPage.OpenNewAsync(session.Page, Phase);
        await form.TitleField.FillAsync(title);
        for (var i = 0; i < planSteps.Length; i++)
        {
            await form.AddPlanStepAsync();
        }

        // The list buttons post the form; the title comes back filled, the steps are filled once they all exist.
        await Expect(form.TitleField).ToHaveValueAsync(title);
        for (var i = 0; i < planSteps.Length; i++)
        {
            await form.PlanStep(i).FillAsync(planSteps[i]);
        }

        await form.Owner.FillAsync("Nobody yet");
        await form.Effort.FillAsync("2");
        var item = await form.SaveAsync();
        await Expect(item.Message).ToHaveTextAsync("Item created.");
        await Expect(item.Title).ToContainTextAsync(title);
        return item;
    }

    /// <summary>Phase 2's exported document, from the app's own export service.</summary>
    public static async Task<string> ExportAsync(AppServer app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ExportService>().ExportAsync(Phase, ExportFormat.Markdown);
        Assert.True(result.Error is null, result.Error);
        return result.Text!;
    }
}
