using Microsoft.AspNetCore.Mvc;

namespace PhaseTracker.IntegrationTests.Security;

/// <summary>
/// A mutating endpoint whose author forgot the policy: the endpoint test must catch it. Mapped only by
/// hosts that add the test assembly as an application part.
/// </summary>
public sealed class ForgottenPolicyController : Controller
{
    [HttpPost("/test/forgotten-policy")]
    public IActionResult Post() => Ok();
}
