using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace PhaseTracker.IntegrationTests.Security;

/// <summary>
/// Fails on purpose, for the tests of error responses. Only hosts that add the test assembly as an
/// application part (<see cref="SecurityHeadersTests"/>) map it.
/// </summary>
[AllowAnonymous]
public sealed class ThrowingController : Controller
{
    public const string Secret = "a detail that must never reach the client";

    [HttpGet("/test/throw")]
    public IActionResult Page() => throw Failure();

    [HttpGet("/api/test/throw")]
    public IActionResult Api() => throw Failure();

    // Carries the request path: an instance member, as MVC wants its actions.
    private InvalidOperationException Failure() => new($"{Secret} ({Request.Path})");
}
