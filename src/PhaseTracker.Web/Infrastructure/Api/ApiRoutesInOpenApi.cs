using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace PhaseTracker.Web.Infrastructure.Api;

/// <summary>
/// Puts every controller action under <c>/api</c> in the API description (and so in
/// <c>/openapi/v1.json</c>), with or without <c>[ApiController]</c>: a new API controller appears in the
/// document with no change here. An action that hides itself (<c>[ApiExplorerSettings(IgnoreApi = true)]</c>) stays hidden.
/// </summary>
public sealed class ApiRoutesInOpenApi : IControllerModelConvention
{
    public void Apply(ControllerModel controller)
    {
        ArgumentNullException.ThrowIfNull(controller);
        var controllerTemplates = controller.Selectors.Select(s => s.AttributeRouteModel).DefaultIfEmpty(null).ToList();
        foreach (var action in controller.Actions.Where(a => a.ApiExplorer.IsVisible is null && controller.ApiExplorer.IsVisible is not false))
        {
            var templates = action.Selectors.Select(s => s.AttributeRouteModel)
                .SelectMany(a => controllerTemplates.Select(c => AttributeRouteModel.CombineTemplates(c?.Template, a?.Template)));
            if (templates.Any(IsApi))
            {
                action.ApiExplorer.IsVisible = true;
            }
        }
    }

    private static bool IsApi(string? template)
    {
        var path = (template ?? "").TrimStart('~').TrimStart('/');
        return path.Equals("api", StringComparison.OrdinalIgnoreCase) || path.StartsWith("api/", StringComparison.OrdinalIgnoreCase);
    }
}
