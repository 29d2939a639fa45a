# One image recipe for every host; the build argument HOST names the host project:
#   docker build --build-arg HOST=KnowledgeHub.Gateway -t knowledgehub/gateway .
#   docker build --build-arg HOST=KnowledgeHub.Search.Host -t knowledgehub/search .
# (KnowledgeHub.Expertise.Host, KnowledgeHub.Communities.Host, KnowledgeHub.Alignment.Host, KnowledgeHub.Partnerships.Host,
# KnowledgeHub.Notifications.Host likewise.)
ARG HOST=KnowledgeHub.Gateway

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG HOST
WORKDIR /src
# Restore layer: only what restore reads, so a source change does not download packages again.
# Every project under shared/, services/ and gateway/ is listed (a deployment test checks it).
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY shared/KnowledgeHub.Contracts/KnowledgeHub.Contracts.csproj shared/KnowledgeHub.Contracts/
COPY shared/KnowledgeHub.ServiceDefaults/KnowledgeHub.ServiceDefaults.csproj shared/KnowledgeHub.ServiceDefaults/
COPY shared/KnowledgeHub.Data/KnowledgeHub.Data.csproj shared/KnowledgeHub.Data/
COPY shared/KnowledgeHub.Messaging/KnowledgeHub.Messaging.csproj shared/KnowledgeHub.Messaging/
COPY services/Expertise/KnowledgeHub.Expertise/KnowledgeHub.Expertise.csproj services/Expertise/KnowledgeHub.Expertise/
COPY services/Expertise/KnowledgeHub.Expertise.Host/KnowledgeHub.Expertise.Host.csproj services/Expertise/KnowledgeHub.Expertise.Host/
COPY services/Communities/KnowledgeHub.Communities/KnowledgeHub.Communities.csproj services/Communities/KnowledgeHub.Communities/
COPY services/Communities/KnowledgeHub.Communities.Host/KnowledgeHub.Communities.Host.csproj services/Communities/KnowledgeHub.Communities.Host/
COPY services/Alignment/KnowledgeHub.Alignment/KnowledgeHub.Alignment.csproj services/Alignment/KnowledgeHub.Alignment/
COPY services/Alignment/KnowledgeHub.Alignment.Host/KnowledgeHub.Alignment.Host.csproj services/Alignment/KnowledgeHub.Alignment.Host/
COPY services/Partnerships/KnowledgeHub.Partnerships/KnowledgeHub.Partnerships.csproj services/Partnerships/KnowledgeHub.Partnerships/
COPY services/Partnerships/KnowledgeHub.Partnerships.Host/KnowledgeHub.Partnerships.Host.csproj services/Partnerships/KnowledgeHub.Partnerships.Host/
COPY services/Search/KnowledgeHub.Search/KnowledgeHub.Search.csproj services/Search/KnowledgeHub.Search/
COPY services/Search/KnowledgeHub.Search.Host/KnowledgeHub.Search.Host.csproj services/Search/KnowledgeHub.Search.Host/
COPY services/Notifications/KnowledgeHub.Notifications/KnowledgeHub.Notifications.csproj services/Notifications/KnowledgeHub.Notifications/
COPY services/Notifications/KnowledgeHub.Notifications.Host/KnowledgeHub.Notifications.Host.csproj services/Notifications/KnowledgeHub.Notifications.Host/
COPY gateway/KnowledgeHub.Web/KnowledgeHub.Web.csproj gateway/KnowledgeHub.Web/
COPY gateway/KnowledgeHub.Gateway/KnowledgeHub.Gateway.csproj gateway/KnowledgeHub.Gateway/
RUN project="$(find gateway services -name "$HOST.csproj")" \
 && test -n "$project" || { echo "No host project $HOST.csproj under gateway/ or services/" >&2; exit 1; } \
 && dotnet restore "$project"
# Then the source, and a publish that restores nothing.
COPY shared/ shared/
COPY services/ services/
COPY gateway/ gateway/
RUN dotnet publish "$(find gateway services -name "$HOST.csproj")" -c Release -o /app --no-restore

# Runtime only: no SDK, no build tools; the app runs as the image's unprivileged 'app' user.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
ARG HOST
WORKDIR /app
RUN mkdir -p /var/lib/knowledgehub && chown app:app /var/lib/knowledgehub
COPY --from=build /app .
ENV KNOWLEDGEHUB_HOST=${HOST} \
    ASPNETCORE_HTTP_PORTS=8080 \
    KnowledgeHub__DataPath=/var/lib/knowledgehub \
    DOTNET_gcServer=0
EXPOSE 8080
USER app
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080 && printf "GET /health/ready HTTP/1.0\r\n\r\n" >&3 && head -1 <&3 | grep -q " 200 "'
# exec: the host, not the shell, is process 1 and gets the stop signal.
ENTRYPOINT ["/bin/sh", "-c", "exec dotnet \"$KNOWLEDGEHUB_HOST.dll\" \"$@\"", "--"]
