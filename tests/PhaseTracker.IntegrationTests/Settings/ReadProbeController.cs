using Microsoft.AspNetCore.Mvc;

namespace PhaseTracker.IntegrationTests.Settings;

/// <summary>
/// An API endpoint that names no policy, so the fallback (CanRead) guards it: for the test that turning
/// anonymous reading off on <c>/settings</c> closes the API too. Mapped only by hosts that add the test
/// assembly as an application part (<see cref="SettingsPageTests"/>).
/// </summary>
[ApiController]
public sealed class ReadProbeController : ControllerBase
{
    [HttpGet("/api/test/read-probe")]
    public IActionResult Get() => Ok(new { read = true });
}
