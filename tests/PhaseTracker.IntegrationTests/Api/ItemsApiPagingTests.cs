using System.Net;

using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.Domain;
using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Data;

namespace PhaseTracker.IntegrationTests.Api;

/// <summary>A script takes a phase of 1,100 items in two calls of up to 1,000.</summary>
public sealed class ItemsApiPagingTests(PhaseTrackerFactory factory) : IClassFixture<PhaseTrackerFactory>
{
    [Fact]
    public async Task A_page_holds_up_to_1000_items_and_the_total_tells_how_many_pages_follow()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PhaseTrackerDbContext>();
            var phase = new Phase { Number = 9, Title = "Phase 9 Tracking — Deferred Items" };
            db.Phases.Add(phase);
            await db.SaveChangesAsync();
            db.DeferredItems.AddRange(Enumerable.Range(1, 1100).Select(n => new DeferredItem { PhaseId = phase.Id, Number = n, Title = $"Item {n}" }));
            await db.SaveChangesAsync();
            await db.BumpDataVersionAsync(CancellationToken.None);
        }

        using var client = factory.CreateBrowser();
        using var first = await client.CallAsync(HttpMethod.Get, "/api/items?phase=9&pageSize=1000");
        var one = await first.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(1000, one.GetProperty("items").GetArrayLength());
        Assert.Equal(1100, one.GetProperty("total").GetInt32());
        Assert.Equal(2, one.GetProperty("pageCount").GetInt32());

        using var second = await client.CallAsync(HttpMethod.Get, "/api/items?phase=9&pageSize=1000&page=2");
        var two = (await second.JsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetInt32()).ToList();
        Assert.Equal([.. Enumerable.Range(1001, 100)], two);

        using var beyond = await client.CallAsync(HttpMethod.Get, "/api/items?phase=9&pageSize=1000&page=3");
        Assert.Equal(0, (await beyond.JsonAsync()).GetProperty("items").GetArrayLength());
    }
}
