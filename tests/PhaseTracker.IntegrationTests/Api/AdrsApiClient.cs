using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

using PhaseTracker.IntegrationTests.Infrastructure;
using PhaseTracker.Web.Features.Account;
using PhaseTracker.Web.Features.Users;

namespace PhaseTracker.IntegrationTests.Api;

/// <summary>An API answer: status, ETag, Location and the JSON body (default when there is none).</summary>
public sealed record ApiAnswer(HttpStatusCode Status, string? ETag, string? Location, JsonElement Body, string? ContentType)
{
    /// <summary>The ProblemDetails' detail (or title), for messages in assertions.</summary>
    public string Detail => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "";
}

/// <summary>Calls the ADR and roadmap API as a script would: with a personal token, or with a browser's cookie and antiforgery token.</summary>
public static class AdrsApiClient
{
    /// <summary>A personal API token of a new user with <paramref name="role"/>.</summary>
    public static async Task<string> TokenAsync(this WebApplicationFactory<Program> factory, string role, bool readOnly = false)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var user = await factory.CreateUserAsync(role);
        await using var scope = factory.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<UserAdministration>().FindByEmailAsync(user.Email);
        var issued = await scope.ServiceProvider.GetRequiredService<ApiTokenService>()
            .IssueAsync(account!, "api test", readOnly, ApiTokenService.DefaultLifetimeDays, CancellationToken.None);
        return issued.Secret;
    }

    /// <summary>
    /// Sends <paramref name="body"/> as JSON with the bearer <paramref name="token"/> (none when null) and
    /// <paramref name="ifMatch"/>; <paramref name="antiforgery"/> goes in the header a cookie call needs.
    /// </summary>
    public static async Task<ApiAnswer> SendAsync(
        this HttpClient client, HttpMethod method, string path, string? token, object? body = null, string? ifMatch = null, string? antiforgery = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.WithBearer(token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (antiforgery is not null)
        {
            request.Headers.Add("RequestVerificationToken", antiforgery);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true
            ? JsonDocument.Parse(text).RootElement.Clone()
            : default;
        return new ApiAnswer(response.StatusCode, response.Headers.ETag?.ToString(), response.Headers.Location?.ToString(), json, response.Content.Headers.ContentType?.MediaType);
    }

    public static Task<ApiAnswer> GetJsonAsync(this HttpClient client, string path, string? token = null) => client.SendAsync(HttpMethod.Get, path, token);

    /// <summary>Asserts a ProblemDetails answer with <paramref name="status"/> that carries the request's id.</summary>
    public static ApiAnswer AssertProblem(this ApiAnswer answer, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(answer);
        Assert.True(status == answer.Status, $"Expected {(int)status}, got {(int)answer.Status}: {answer.Body}");
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Equal((int)status, answer.Body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(answer.Body.GetProperty("requestId").GetString()));
        return answer;
    }

    /// <summary>The messages of a 400 ValidationProblem for <paramref name="field"/>.</summary>
    public static IReadOnlyList<string> Errors(this ApiAnswer answer, string field)
    {
        ArgumentNullException.ThrowIfNull(answer);
        answer.AssertProblem(HttpStatusCode.BadRequest);
        return answer.Body.GetProperty("errors").TryGetProperty(field, out var messages)
            ? [.. messages.EnumerateArray().Select(m => m.GetString()!)]
            : throw new Xunit.Sdk.XunitException($"No error for {field}: {answer.Body}");
    }
}
