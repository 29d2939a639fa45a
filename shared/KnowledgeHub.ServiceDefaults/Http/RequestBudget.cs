using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgeHub.ServiceDefaults.Http;

/// <summary>
/// Bound from <c>Limits</c>: how long a request may take and how fast its body must arrive. A
/// request holds a slot of the hub while it lasts, so a client that sends slowly must not keep it.
/// </summary>
public sealed class RequestBudgetSettings
{
    public const string SectionName = "Limits";

    /// <summary>The most a request may take, body included; beyond it the request is cancelled (504).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Below this average rate Kestrel ends the request (408); Kestrel's own default is 240.</summary>
    public int MinRequestBodyBytesPerSecond { get; set; } = 4096;

    /// <summary>How long a body may arrive slower than the minimum rate before that counts (at least 1 s).</summary>
    public TimeSpan MinRequestBodyGracePeriod { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>Applies <see cref="RequestBudgetSettings"/> to Kestrel and to every request.</summary>
public static class RequestBudget
{
    public static WebApplicationBuilder AddRequestBudget(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(RequestBudgetSettings.SectionName).Get<RequestBudgetSettings>() ?? new RequestBudgetSettings();
        if (settings.RequestTimeout <= TimeSpan.Zero || settings.MinRequestBodyBytesPerSecond < 1 || settings.MinRequestBodyGracePeriod <= TimeSpan.FromSeconds(1))
        {
            throw new InvalidOperationException(
                $"'{RequestBudgetSettings.SectionName}:RequestTimeout' must be positive, '{RequestBudgetSettings.SectionName}:MinRequestBodyBytesPerSecond' at least 1 and '{RequestBudgetSettings.SectionName}:MinRequestBodyGracePeriod' more than one second.");
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(settings.MinRequestBodyBytesPerSecond, settings.MinRequestBodyGracePeriod));
        builder.Services.AddRequestTimeouts(options => options.DefaultPolicy = new RequestTimeoutPolicy { Timeout = settings.RequestTimeout });
        return builder;
    }
}
