namespace DirectiveFlow.Web.Security;

/// <summary>
/// Outside Development and Testing (<see cref="DeployedEnvironment"/>), endpoints marked <see cref="NotInProductionAttribute"/>
/// answer 404 to everyone.
/// </summary>
public static class NotInProductionGate
{
    /// <summary>Call after routing and before authentication: a stranger learns no more than an administrator.</summary>
    public static WebApplication UseNotInProductionGate(this WebApplication app)
    {
        if (!app.Environment.IsDeployed())
        {
            return app;
        }

        app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<NotInProductionAttribute>() is null)
            {
                return next(context);
            }

            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        return app;
    }
}
