using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace PhaseTracker.Web.Infrastructure.Api;

/// <summary>
/// Turns off <c>[ApiController]</c>'s automatic 400 for a controller's actions, so that an update checks
/// If-Match (428, 412) before it looks at the body; each action answers an invalid body itself with
/// <c>ValidationProblem(ModelState)</c>, after its preconditions.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class PreconditionsFirstAttribute : Attribute, IControllerModelConvention
{
    public void Apply(ControllerModel controller)
    {
        ArgumentNullException.ThrowIfNull(controller);
        foreach (var action in controller.Actions)
        {
            // The filter's factory type is internal to MVC: it is known by name only.
            for (var i = action.Filters.Count - 1; i >= 0; i--)
            {
                if (action.Filters[i].GetType().Name == "ModelStateInvalidFilterFactory")
                {
                    action.Filters.RemoveAt(i);
                }
            }
        }
    }
}
