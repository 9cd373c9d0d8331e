using System.Text.RegularExpressions;

using Microsoft.Playwright;

namespace PhaseTracker.BrowserTests.Pages;

/// <summary>/items/{id}/defer: the reason, then the item moves to the next phase.</summary>
public sealed class DeferPage(IPage page) : AppLayout(page)
{
    public ILocator Reason => Page.GetByLabel("Reason");

    public async Task<ItemPage> DeferAsync(string reason)
    {
        await Reason.FillAsync(reason);
        await SubmitAsync(Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Defer to phase") }), url => url.Query.Contains("done=deferred", StringComparison.Ordinal));
        return new ItemPage(Page);
    }
}

/// <summary>/items/{id}/complete: the completion date, the pull request, the changes to the plan.</summary>
public sealed class CompletePage(IPage page) : AppLayout(page)
{
    public ILocator CompletedOn => Page.GetByLabel("Completed on");

    public ILocator PullRequest => Page.GetByLabel("Pull request");

    public async Task<ItemPage> CompleteAsync(string completedOn, string pullRequest)
    {
        await CompletedOn.FillAsync(completedOn);
        await PullRequest.FillAsync(pullRequest);
        await SubmitAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Mark complete", Exact = true }), url => url.Query.Contains("done=completed", StringComparison.Ordinal));
        return new ItemPage(Page);
    }
}

/// <summary>/items/{id}/delete: the confirmation; deleting lands on the items list with an Undo notice.</summary>
public sealed class DeletePage(IPage page) : AppLayout(page)
{
    public async Task<ItemsPage> DeleteAsync()
    {
        await SubmitAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Delete the item", Exact = true }), url => url.Query.Contains("deleted=", StringComparison.Ordinal));
        return new ItemsPage(Page);
    }
}
