using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.WebEncoders;

using PhaseTracker.Web.Cli;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Infrastructure;
using PhaseTracker.Web.Infrastructure.Security;

using Serilog;
using Serilog.Events;

// A verb (import, export, check, users ...) runs and exits; anything else, host options included, serves.
if (CommandLine.IsCommand(args))
{
    var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
    await using var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8);
    await using var stderr = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true };
    using var cancellation = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        cancellation.Cancel();
    };
    return await CommandLine.RunAsync(args, Console.In, stdout, stderr, cancellation.Token);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppFolder.Path });

// `dotnet run` serves Production (no launch profile: it would print to the stdout that verbs own), so
// the build output's static web assets (site CSS, scoped CSS) are switched on here; a published app
// has none to switch on and serves its wwwroot as usual.
builder.WebHost.UseStaticWebAssets();
try
{
    DatabaseSettings.ValidateProvider(builder.Configuration);
}
catch (DatabaseConfigurationException ex)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}

builder.WebHost.UseDefaultUrl(builder.Configuration);
builder.Services.AddSerilog((services, logger) => logger
    .MinimumLevel.Information()
    .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
    .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext()
    .WriteTo.Console());

builder.Services.AddPhaseTrackerServices();
builder.Services.AddPhaseTrackerSecurity();
builder.Services.AddHostedService<DatabaseStartup>();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

// Every cookie-authenticated POST, PUT, PATCH and DELETE needs an antiforgery token (bearer-token requests need none).
builder.Services.AddControllersWithViews(options => options.Filters.Add<CookieAntiforgeryFilter>());
builder.Services.Configure<RazorViewEngineOptions>(options =>
{
    // Views live beside their controllers: Features/{Feature}/{View}.cshtml.
    options.ViewLocationFormats.Clear();
    options.ViewLocationFormats.Add("/Features/{1}/{0}" + RazorViewEngine.ViewExtension);
    options.ViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
});
// Titles and owners are written in any language: show them as text, not as character references.
builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

var app = builder.Build();

app.UseSecurityHeaders();

// The API answers errors and refusals with ProblemDetails; pages with the friendly error pages
// (in Production: a message and the request id, never a stack trace), and an unknown item or ADR,
// or a mistyped address, gets the friendly 404 page.
app.UseWhen(context => ApiProblems.IsApi(context.Request), api =>
{
    api.UseExceptionHandler();
    api.UseStatusCodePages();
});
app.UseWhen(context => !ApiProblems.IsApi(context.Request), pages =>
{
    if (!app.Environment.IsDevelopment())
    {
        pages.UseExceptionHandler("/error");
    }

    pages.UseStatusCodePagesWithReExecute("/error/{0}");
});

// After the error handler, which clears the headers of a failed response and runs what follows again.
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseSerilogRequestLogging();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseBearerTokenRules();
app.UseAuthorization();

// Open in every environment and whatever Auth:AllowAnonymousRead says: the sign-in page needs its
// styles, and health checks run without an account.
HttpMethodMetadata getOrHead = new([HttpMethods.Get, HttpMethods.Head]);
app.MapStaticAssets().AllowAnonymous();
app.MapHealthChecks("/healthz").AllowAnonymous().WithMetadata(getOrHead);
app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().WithMetadata(getOrHead);
app.MapControllers().WithStaticAssets();

await app.RunAsync();
return 0;

/// <summary>The entry point; public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
