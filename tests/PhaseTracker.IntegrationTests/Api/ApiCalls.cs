using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Features.Account;
using PhaseTracker.Web.Features.Users;

namespace PhaseTracker.IntegrationTests.Api;

/// <summary>Calls to the JSON API as a script makes them: a personal token, JSON bodies, If-Match.</summary>
public static class ApiCalls
{
    /// <summary>A new user with the role, and a personal token of theirs.</summary>
    public static async Task<string> IssueTokenAsync(this WebApplicationFactory<Program> factory, string role, bool readOnly = false)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var user = await factory.CreateUserAsync(role);
        await using var scope = factory.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<UserAdministration>().FindByEmailAsync(user.Email);
        var issued = await scope.ServiceProvider.GetRequiredService<ApiTokenService>()
            .IssueAsync(account!, "api tests", readOnly, ApiTokenService.DefaultLifetimeDays, CancellationToken.None);
        return issued.Secret;
    }

    /// <summary>Sends a request with an optional JSON body, token, If-Match and antiforgery token.</summary>
    public static async Task<HttpResponseMessage> CallAsync(
        this HttpClient client, HttpMethod method, string path, object? body = null, string? token = null, string? ifMatch = null, string? antiforgery = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body, body.GetType(), options: JsonSerializerOptions.Web);
        }

        if (token is not null)
        {
            request.WithBearer(token);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (antiforgery is not null)
        {
            request.Headers.Add("RequestVerificationToken", antiforgery);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string ETag(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.ETag?.ToString() ?? "";
    }

    /// <summary>Asserts a ProblemDetails answer with the status and the request id; returns its body.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, int status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(status, json.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("requestId").GetString()));
        return json;
    }

    /// <summary>The field names of a validation problem's errors.</summary>
    public static IReadOnlyList<string> ErrorFields(this JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];
}

/// <summary>
/// Makes the next save of a record lose a race: just before EF Core writes, another writer bumps the
/// record's row version in the same database, so the save's concurrency check fails.
/// </summary>
public sealed class LosingRace : SaveChangesInterceptor
{
    private Func<DbContext, Task>? _rival;

    public void Arm(Func<DbContext, Task> rival) => _rival = rival;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (Interlocked.Exchange(ref _rival, null) is { } rival && eventData.Context is { } context)
        {
            await rival(context);
        }

        return result;
    }
}
