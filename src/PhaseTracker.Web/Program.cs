using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.WebEncoders;

using PhaseTracker.Web.Cli;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Infrastructure;
using PhaseTracker.Web.Infrastructure.Api;
using PhaseTracker.Web.Infrastructure.Observability;
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
    .ReadFrom.Configuration(services.GetRequiredService<IConfiguration>())
    .ReadFrom.Services(services)
    .Enrich.FromLogContext()
    .WriteToPhaseTrackerSinks(services.GetRequiredService<IConfiguration>(), builder.Environment.ContentRootPath),
    // Each host logs through its own logger, never the static Log.Logger, which the last host started in
    // the process would own (tests run several hosts at once).
    preserveStaticLogger: true);

// First of the hosted services: the database is migrated before anything reads it (Data Protection
// loads its key ring from the database as it starts).
builder.Services.AddHostedService<DatabaseStartup>();
builder.Services.AddPhaseTrackerServices();
builder.Services.AddPhaseTrackerSecurity();
builder.Services.AddPhaseTrackerObservability();

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

// The API's description at /openapi/v1.json: every endpoint under /api, controllers discovered.
builder.Services.Configure<MvcOptions>(options => options.Conventions.Add(new ApiRoutesInOpenApi()));
builder.Services.AddOpenApi(options => options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) == true);

var app = builder.Build();

// Logs, metrics and error pages see the real client and the request id from the first middleware on;
// the request log wraps the error handlers, so that a failed request is still one line.
app.UseForwardedHeadersFromKnownProxies(app.Configuration);
app.UseRequestId();
app.UsePhaseTrackerRequestLogging();
app.UseServerErrorCounting();
app.UseSecurityHeaders();

// The API answers errors and refusals with ProblemDetails; pages with the friendly error pages
// (in Production: a message and the request id, never a stack trace), and an unknown item or ADR,
// or a mistyped address, gets the friendly 404 page.
app.UseWhen(context => ApiProblems.IsApi(context.Request), api =>
{
    api.UseExceptionHandler();
    api.UseStatusCodePages();
    api.UseDatabaseOutageResponses();
});
app.UseWhen(context => !ApiProblems.IsApi(context.Request), pages =>
{
    if (!app.Environment.IsDevelopment())
    {
        pages.UseExceptionHandler("/error");
    }

    pages.UseStatusCodePagesWithReExecute("/error/{0}");
    pages.UseDatabaseOutageResponses();
});

// After the error handler, which clears the headers of a failed response and runs what follows again.
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseRouting();
app.UseRouteForLogs();
app.UseRateLimiter();
app.UseAuthentication();
app.UseBearerTokenRules();
app.UseAuthorization();

// Open in every environment and whatever Auth:AllowAnonymousRead says: the sign-in page needs its
// styles, health checks and metrics scrapes run without an account, and so do the API's clients
// generated from its OpenAPI document.
app.MapStaticAssets().AllowAnonymous();
app.MapPhaseTrackerOperations();
app.MapOpenApi().AllowAnonymous();
app.MapControllers().WithStaticAssets();

await app.RunAsync();
return 0;

/// <summary>The entry point; public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
