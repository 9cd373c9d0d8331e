using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

using PhaseTracker.Web.Infrastructure.Security;

namespace PhaseTracker.IntegrationTests.Security;

/// <summary>
/// An API endpoint that only admins may call, for the test that a wrong role gets 403 ProblemDetails
/// under <c>/api</c> rather than a redirect. Mapped only by hosts that add the test assembly as an
/// application part (<see cref="SecurityHeadersTests"/>).
/// </summary>
[ApiController]
[Authorize(Policy = Policies.CanManageUsers)]
public sealed class AdminOnlyApiController : ControllerBase
{
    [HttpGet("/api/test/admin-only")]
    public IActionResult Get() => Ok(new { User.Identity?.Name });
}
