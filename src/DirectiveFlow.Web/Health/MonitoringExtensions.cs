using DirectiveFlow.Infrastructure.Identity;
using DirectiveFlow.Infrastructure.Telemetry;
using Microsoft.Extensions.Logging.Console;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace DirectiveFlow.Web.Health;

/// <summary>
/// OpenTelemetry for the host: traces (HTTP, EF Core, Npgsql, and the product's own spans: jobs, sweep, cascades,
/// dispatch), metrics (the product's, ASP.NET Core's, Npgsql's) on <c>/metrics</c> and over OTLP when a collector is
/// configured, and logs that carry the trace id. README, "Monitoring".
/// </summary>
public static class MonitoringExtensions
{
    public static WebApplicationBuilder AddDirectiveFlowMonitoring(this WebApplicationBuilder builder)
    {
        var options = builder.Services.AddDirectiveFlowTelemetryGauges(builder.Configuration);

        // Every log scope carries the current trace and span ids; the console shows scopes unless configured otherwise.
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (!builder.Configuration.GetSection("Logging:Console:FormatterOptions:IncludeScopes").Exists())
        {
            builder.Services.Configure<SimpleConsoleFormatterOptions>(o => o.IncludeScopes = true);
        }

        var endpoint = options.OtlpEndpoint;
        var standardEndpoint = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var exporting = !string.IsNullOrWhiteSpace(endpoint) || !string.IsNullOrWhiteSpace(standardEndpoint);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(DirectiveFlowTelemetry.Name))
            .WithTracing(tracing =>
            {
                // The product's own spans always (logs carry their trace ids); a span per request and per database
                // command only when a collector receives them: nobody else reads them, and they sit on every hot path.
                tracing.AddSource(DirectiveFlowTelemetry.Name);
                if (exporting)
                {
                    tracing.AddAspNetCoreInstrumentation(o => o.Filter = context => !IsMonitoring(context.Request.Path))
                        .AddEntityFrameworkCoreInstrumentation()
                        .AddNpgsql();
                }
            })
            .WithMetrics(metrics => metrics
                .AddMeter(DirectiveFlowTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddPrometheusExporter());

        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            var protocol = options.OtlpProtocol == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            telemetry.UseOtlpExporter(protocol, new Uri(endpoint));
        }
        else if (!string.IsNullOrWhiteSpace(standardEndpoint))
        {
            // The standard OTEL_EXPORTER_OTLP_* variables (endpoint, protocol, headers) configure the exporter.
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// <c>/metrics</c> in Prometheus' text format: for administrators (cookie or bearer token), or, with
    /// <see cref="MonitoringOptions.MetricsPort"/> set, to anyone reaching that port and to nobody on the others.
    /// </summary>
    public static WebApplication MapDirectiveFlowMetrics(this WebApplication app)
    {
        var port = app.Services.GetRequiredService<MonitoringOptions>().MetricsPort;
        if (port == 0)
        {
            app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(Roles.Administrator);
            return app;
        }

        app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: pipeline => pipeline.Use(async (context, next) =>
        {
            if (context.Connection.LocalPort != port)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        }), optionsName: null);
        return app;
    }

    private static bool IsMonitoring(PathString path) =>
        path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
}
