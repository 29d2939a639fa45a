using System.Diagnostics;
using System.Text.Json.Serialization;
using KnowledgeHub.ServiceDefaults.Auth;
using KnowledgeHub.ServiceDefaults.Health;
using KnowledgeHub.ServiceDefaults.Http;
using KnowledgeHub.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace KnowledgeHub.ServiceDefaults;

/// <summary>
/// What every KnowledgeHub process has, whether it hosts one service or all of them: telemetry,
/// health, problem details, JSON rules, body limits and JWT validation.
/// </summary>
public static class ServiceDefaultsExtensions
{
    private const string HealthCheckServiceCategory = "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService";

    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        PrivateFiles.ForThisProcess();
        builder.AddHubTelemetry(serviceName);
        builder.AddHubAuthentication();

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), tags: [HealthEndpoints.ReadyTag]);
        // A check that is not healthy is logged when its status changes (ReadinessTransitions), not by
        // ASP.NET at every probe.
        builder.Services.AddSingleton<ReadinessTransitions>();
        builder.Logging.AddFilter(HealthCheckServiceCategory, LogLevel.None);

        // The W3C trace id, so a problem a user reports leads straight to its trace.
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // Binding failures reach the exception handler, which names the field, instead of a bare 400.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);

        builder.Services.Configure<JsonOptions>(options =>
        {
            var json = options.SerializerOptions;
            json.NumberHandling = JsonNumberHandling.Strict;
            json.AllowDuplicateProperties = false;
            json.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });

        // The middleware enforces the per-route limit; Kestrel's own cap only backs it up.
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
            // "Server: Kestrel" tells an attacker which vulnerabilities to try; nothing needs it.
            kestrel.AddServerHeader = false;
        });
        builder.AddRequestBudget();
        builder.Services.AddHttpClient();
        return builder;
    }

    /// <summary>
    /// The request pipeline up to the endpoints. <paramref name="afterAuthentication"/> runs where a
    /// caller's identity is known but nothing is authorized yet (the gateway rate-limits there).
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app, Action<WebApplication>? afterAuthentication = null)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseRequestTimeouts();
        app.UseRequestSizeLimits(RequestSizeLimits.DefaultLimit(app.Configuration));
        app.UseAuthentication();
        afterAuthentication?.Invoke(app);
        app.UseAuthorization();
        app.MapHealthEndpoints();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return app;
    }
}
