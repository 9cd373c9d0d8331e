using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.Extensions.WebEncoders;

using PhaseTracker.Web.Cli;
using PhaseTracker.Web.Data;
using PhaseTracker.Web.Infrastructure;

using Serilog;
using Serilog.Events;

// A verb (import, export, check) runs and exits; anything else, host options included, serves.
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
    return await CommandLine.RunAsync(args, stdout, stderr, cancellation.Token);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppFolder.Path });
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
builder.Services.AddHostedService<DatabaseStartup>();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

builder.Services.AddControllersWithViews();
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

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
}

// An unknown item or ADR, or a mistyped address, gets the friendly 404 page.
app.UseStatusCodePagesWithReExecute("/error/{0}");

app.UseSerilogRequestLogging();
app.UseRouting();
app.UseAuthorization();

app.MapStaticAssets();
app.MapHealthChecks("/healthz");
app.MapControllers().WithStaticAssets();

await app.RunAsync();
return 0;

/// <summary>The entry point; public so that tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
