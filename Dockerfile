# Multi-stage build of the DirectiveFlow web host (API + UI). Used by docker-compose.yml.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the build files only, so the layer is reused until a project or package changes.
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig ./
COPY src/DirectiveFlow.Core/DirectiveFlow.Core.csproj src/DirectiveFlow.Core/
COPY src/DirectiveFlow.Infrastructure/DirectiveFlow.Infrastructure.csproj src/DirectiveFlow.Infrastructure/
COPY src/DirectiveFlow.Migrations.Sqlite/DirectiveFlow.Migrations.Sqlite.csproj src/DirectiveFlow.Migrations.Sqlite/
COPY src/DirectiveFlow.Migrations.PostgreSql/DirectiveFlow.Migrations.PostgreSql.csproj src/DirectiveFlow.Migrations.PostgreSql/
COPY src/DirectiveFlow.Migrations.SqlServer/DirectiveFlow.Migrations.SqlServer.csproj src/DirectiveFlow.Migrations.SqlServer/
COPY src/DirectiveFlow.Web/DirectiveFlow.Web.csproj src/DirectiveFlow.Web/
RUN dotnet restore src/DirectiveFlow.Web/DirectiveFlow.Web.csproj
COPY src/ src/
COPY workflows/ workflows/
RUN dotnet publish src/DirectiveFlow.Web/DirectiveFlow.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The SQLite file and attachments live here when no other database is configured.
RUN mkdir -p /app/data && chown -R $APP_UID /app/data
USER $APP_UID
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Database__DataFolder=/app/data
EXPOSE 8080
ENTRYPOINT ["dotnet", "DirectiveFlow.Web.dll"]
