using System.Net;
using KnowledgeHub.Testing;

namespace KnowledgeHub.Security.Tests;

/// <summary>
/// One route of <c>shared/API.md</c> against one object, with the status each role must get.
/// <see cref="Expected"/> lists them in the order of <see cref="Role"/>: anonymous, employee,
/// member, lead, author, executive, admin. <see cref="Arrange"/> makes a fresh target for routes
/// that use their object up (deleting, leaving, joining) and returns the path to call.
/// <see cref="FreshCaller"/> calls as a new person with the role's roles, for routes that use the
/// caller up (erasing themselves).
/// </summary>
public sealed record RouteCase(string Route, string Expected, object? Body = null, Func<HubWorld, Role, Task<string>>? Arrange = null, bool FreshCaller = false)
{
    public HttpMethod Method => new(Route.Split(' ')[0]);

    public string Template => Route.Split(' ')[1];

    public int StatusFor(Role role) => int.Parse(Expected.Split(' ')[(int)role], System.Globalization.CultureInfo.InvariantCulture);

    public Task<string> PathForAsync(HubWorld world, Role role) =>
        Arrange is null ? Task.FromResult(world.Resolve(Template)) : Arrange(world, role);
}

/// <summary>Every route of the public API by every role, as the API and ADRs 0005, 0011 and 0016 rule.</summary>
public static class RouteMatrix
{
    private const string Everyone = "401 200 200 200 200 200 200";
    private const string AdminsOnly = "401 403 403 403 403 403 200";
    private const string ExecutivesAndAdmins = "401 403 403 403 403 200 200";
    private const string PublicRoute = "200 200 200 200 200 200 200";

    /// <summary>SCIM takes the directory's own bearer token only: a person's token, any role, is refused (ADR 0068).</summary>
    private const string ScimTokenOnly = "401 401 401 401 401 401 401";

    /// <summary>A closed community's content: its active members see it, to others it does not exist.</summary>
    private const string ClosedMembersOnly = "401 404 200 200 200 404 404";

    /// <summary>Project changes: its lead (the author made it), executives and admins.</summary>
    private const string ProjectEditors = "401 403 403 403 200 200 200";

    public static IReadOnlyList<RouteCase> Cases { get; } =
    [
        new("POST /api/auth/dev-login", PublicRoute, new { email = "someone@example.com" }),

        // Expertise
        new("GET /api/departments", Everyone),
        new("PUT /api/departments/SEC", AdminsOnly, new { name = "Security" }),
        new("POST /api/people/import", AdminsOnly, new[] { new { email = "imported@example.com", displayName = "Imported", department = "IT" } }),
        new("GET /api/people/me", Everyone),
        new("PUT /api/people/me", Everyone, new { displayName = "Still me", department = "IT" }),
        new("GET /api/people/{author}", Everyone),
        new("GET /api/people?q=author", Everyone),
        new("PUT /api/people/me/skills/Kubernetes", Everyone, new { level = 3 }),
        new("DELETE /api/people/me/skills/Kubernetes", "401 204 204 204 204 204 204"),
        new("POST /api/people/{lead}/endorsements", "401 201 201 400 201 201 201", new { skill = "Cryptography" }),
        new("GET /api/people/me/evidence", Everyone),
        // Evidence is its person's own: anyone else's id answers as if it did not exist.
        new("PUT /api/people/me/evidence/{memberEvidence}", "401 404 200 404 404 404 404", new { hidden = false }),
        new("GET /api/skills?q=kube", Everyone),
        new("GET /api/skills/candidates", AdminsOnly),
        new("PUT /api/skills/Cryptography", AdminsOnly, new { aliases = new[] { "threat-modeling" }, category = "Security" }),
        // An admin is let through and then told the skill to merge does not exist.
        new("POST /api/skills/merge", "401 403 403 403 403 403 404", new { from = "Nonexistent skill", into = "Kubernetes" }),
        new("GET /api/experts?q=security", Everyone),
        new("GET /api/experts/coverage?department=IT", Everyone),

        // Communities
        new("POST /api/communities", "401 201 201 201 201 201 201", new { name = "Created in the matrix {unique}", description = "d", tags = new[] { "x" }, visibility = "open" }),
        new("GET /api/communities", Everyone),
        new("GET /api/communities/{open}", Everyone),
        new("GET /api/communities/{openSlug}", Everyone),
        // ADR 0011: a closed community's card is listed so people can ask to join; its content is not.
        new("GET /api/communities/{closed}", Everyone),
        new("PUT /api/communities/{open}", "401 403 403 200 403 403 403", new { name = "Renamed by a lead", description = "d", tags = new[] { "security" }, visibility = "open" }),
        new("PUT /api/communities/{closed}", "401 404 403 200 403 404 404", new { name = "Closed, renamed by a lead", description = "d", tags = new[] { "security" }, visibility = "closed" }),
        new("POST /api/communities/{fresh}/members (open)", Everyone, new { }, (world, _) => FreshCommunityAsync(world, "open", "/members")),
        new("POST /api/communities/{fresh}/members (closed)", Everyone, new { }, (world, _) => FreshCommunityAsync(world, "closed", "/members")),
        // The last lead may not leave (409); leaving without being a member is a no-op.
        new("DELETE /api/communities/{fresh}/members/me", "401 204 204 409 204 204 204", Arrange: LeaveFreshCommunityAsync),
        new("GET /api/communities/{open}/members", Everyone),
        new("GET /api/communities/{closed}/members", ClosedMembersOnly),
        new("PUT /api/communities/{open}/members/{member}", "401 403 403 200 403 403 403", new { role = "member", status = "active" }),
        // Only a lead removes members; the employee is none, so the lead is told so.
        new("DELETE /api/communities/{open}/members/{employee}", "401 403 403 404 403 403 403"),
        new("PUT /api/communities/{closed}/members/{member}", "401 404 403 200 403 404 404", new { role = "member", status = "active" }),
        new("POST /api/communities/{open}/posts", "401 403 201 201 201 403 403", new { type = "article", title = "Matrix post", body = "b", tags = new[] { "x" } }),
        new("POST /api/communities/{closed}/posts", "401 403 201 201 201 403 403", new { type = "article", title = "Matrix post", body = "b", tags = new[] { "x" } }),
        new("GET /api/communities/{open}/posts", Everyone),
        new("GET /api/communities/{closed}/posts", ClosedMembersOnly),
        new("GET /api/posts/{openPost}", Everyone),
        new("GET /api/posts?author=me&unanswered=true", Everyone),
        new("GET /api/posts/{closedPost}", ClosedMembersOnly),
        new("PUT /api/posts/{openPost}", "401 403 403 200 200 403 403", new { title = "Rotating certificates", body = "Our runbook.", tags = new[] { "security" } }),
        new("PUT /api/posts/{closedPost}", "401 404 403 200 200 404 404", new { title = "Rotating certificates", body = "Our runbook.", tags = new[] { "security" } }),
        new("DELETE /api/posts/{fresh}", "401 403 403 204 204 403 403", Arrange: (world, _) => FreshPostAsync(world, "open")),
        new("DELETE /api/posts/{freshClosed}", "401 404 403 204 204 404 404", Arrange: (world, _) => FreshPostAsync(world, "closed")),
        new("POST /api/posts/{question}/answers", "401 403 201 201 201 403 403", new { body = "An answer from the matrix." }),
        new("POST /api/posts/{closedPost}/answers", "401 404 201 201 201 404 404", new { body = "An answer from the matrix." }),
        new("POST /api/posts/{question}/accepted-answer", "401 403 403 200 200 403 403", new { answerId = "{answer}" }),
        new("POST /api/posts/{closedPost}/accepted-answer", "401 404 403 200 200 404 404", new { answerId = "{closedAnswer}" }),
        new("POST /api/posts/preview", Everyone, new { body = "A **preview** from the matrix." }),
        new("POST /api/posts/{openPost}/reactions", Everyone, new { kind = "helpful" }),
        new("POST /api/posts/{closedPost}/reactions", ClosedMembersOnly, new { kind = "helpful" }),
        new("DELETE /api/posts/{openPost}/reactions", "401 204 204 204 204 204 204"),
        new("DELETE /api/posts/{closedPost}/reactions", "401 404 204 204 204 404 404"),
        new("GET /api/communities/{open}/insights", "401 403 403 200 403 403 403"),
        new("GET /api/communities/{closed}/insights", "401 404 403 200 403 404 404"),
        new("GET /api/communities/{open}/activity", Everyone),
        new("GET /api/communities/{closed}/activity", ClosedMembersOnly),
        // Without multipart files every signed-in caller is told the form first; who may import is
        // covered by the importer's own tests (tests/KnowledgeHub.Communities.Tests).
        new("POST /api/communities/{open}/imports/stackexchange", "401 415 415 415 415 415 415"),
        new("GET /api/imports/00000000-0000-0000-0000-000000000001", "401 404 404 404 404 404 404"),

        // Alignment
        new("POST /api/objectives", "401 403 403 403 403 201 201", HubWorld.NewObjective()),
        new("GET /api/objectives?period=2026-H2", Everyone),
        new("GET /api/objectives/{objective}", Everyone),
        new("PUT /api/objectives/{objective}", ExecutivesAndAdmins, HubWorld.NewObjective(keyResultId: "{keyResult}")),
        new("PUT /api/objectives/{objective}/key-results/{keyResult}", ExecutivesAndAdmins, new { current = 8 }),
        new("POST /api/projects", "401 201 201 201 201 201 201", HubWorld.NewProject()),
        new("GET /api/projects", Everyone),
        new("GET /api/projects/{project}", Everyone),
        new("PUT /api/projects/{project}", ProjectEditors, HubWorld.NewProject()),
        new("PUT /api/projects/{project}/members/{member}", ProjectEditors, new { role = "contributor" }),
        // Anyone may take themselves off a project; removing another person is for its editors.
        new("DELETE /api/projects/{project}/members/{member}", "401 403 204 403 204 204 204", Arrange: AssignedMemberAsync),
        // Only a member confirms, and only their own membership: the member (assigned by the author) and the author (its lead).
        new("POST /api/projects/{project}/members/me/confirmation", "401 404 200 404 200 404 404", new { }, async (world, role) =>
        {
            await AssignedMemberAsync(world, role);
            return world.Resolve("/api/projects/{project}/members/me/confirmation");
        }),
        new("POST /api/projects/{project}/status-reports", "401 403 403 403 201 201 201", new { health = "amber", summary = "Slipping a week" }),
        new("GET /api/projects/{project}/status-reports", Everyone),
        new("GET /api/projects/{project}/changes", Everyone),
        new("GET /api/objectives/{objective}/changes", Everyone),
        new("GET /api/projects/{project}/status-reports/{report}", Everyone),
        new("PUT /api/projects/{project}/alignments/{objective}", ProjectEditors, new { contribution = "high", rationale = "Every token checked" }),
        new("DELETE /api/projects/{project}/alignments/{objective}", ProjectEditors.Replace("200", "204", StringComparison.Ordinal), Arrange: AlignedProjectAsync),
        new("GET /api/alignment/scorecard?period=2026-H2", ExecutivesAndAdmins),

        // Partnerships: the matrix and silos for executives and admins; a person's map for that person, executives and admins.
        new("GET /api/partnerships/matrix", ExecutivesAndAdmins),
        new("GET /api/partnerships/silos", ExecutivesAndAdmins),
        new("GET /api/partnerships/boundary-spanners", Everyone),
        new("GET /api/partnerships/introductions", Everyone),
        new("GET /api/systems-map?focus=person:{member}", "401 404 200 404 404 200 200"),

        // Search
        new("GET /api/search?q=certificates", Everyone),
        new("GET /api/search/suggest?q=cert", Everyone),
        new("POST /api/search/reindex", "401 403 403 403 403 403 202"),
        new("GET /api/search/reindex", AdminsOnly),

        // A person's data: everyone's own.
        new("GET /api/people/me/export", Everyone),
        // Erasure (ADR 0072): anyone erases themselves, admins anyone; its progress is read by its id alone.
        new("DELETE /api/people/me", "401 202 202 202 202 202 202", FreshCaller: true),
        new("DELETE /api/people/{erasable}", "401 403 403 403 403 403 202", Arrange: async (world, _) => $"/api/people/{await FreshPersonAsync(world)}"),
        new("GET /api/erasures/{erasure}", PublicRoute, Arrange: ErasureAsync),
        new("GET /api/privacy/alignment/export", Everyone),
        new("GET /api/privacy/communities/export", Everyone),
        new("GET /api/privacy/expertise/export", Everyone),
        new("GET /api/privacy/notifications/export", Everyone),
        new("GET /api/privacy/partnerships/export", Everyone),
        new("GET /api/privacy/search/export", Everyone),

        // The audit trail: admins only.
        new("GET /api/audit", AdminsOnly),
        new("GET /api/audit/verify", AdminsOnly),
        new("GET /api/audit/export", AdminsOnly),

        // Notifications: each person's own; a closed community is followed by its members only.
        new("GET /api/notifications?unread=true", Everyone),
        new("GET /api/notifications/unread-count", Everyone),
        new("POST /api/notifications/read", "401 204 204 204 204 204 204", new { all = true }),
        new("GET /api/notifications/stream", Everyone),
        new("GET /api/notifications/preferences", Everyone),
        new("PUT /api/notifications/preferences", Everyone, new { email = new { digest = "off", immediate = new[] { "answer-posted" } }, muted = Array.Empty<string>() }),
        new("PUT /api/follows/person/{lead}", "401 204 204 204 204 204 204"),
        new("PUT /api/follows/community/{closed}", "401 404 204 204 204 404 404"),
        new("DELETE /api/follows/person/{lead}", "401 204 204 204 204 204 204"),
        new("GET /api/follows", Everyone),
        // One-click unsubscribe (RFC 8058) needs no token, only a link the hub signed: a forged one is refused for everyone.
        new("POST /api/notifications/unsubscribe?token=forged.link", "400 400 400 400 400 400 400"),

        // SCIM provisioning into Expertise
        new("GET /scim/v2/ServiceProviderConfig", ScimTokenOnly),
        new("GET /scim/v2/ResourceTypes", ScimTokenOnly),
        new("GET /scim/v2/ResourceTypes/User", ScimTokenOnly),
        new("GET /scim/v2/Schemas", ScimTokenOnly),
        new("GET /scim/v2/Schemas/urn:ietf:params:scim:schemas:core:2.0:User", ScimTokenOnly),
        new("GET /scim/v2/Users?filter=userName%20eq%20%22x%40example.com%22", ScimTokenOnly),
        new("POST /scim/v2/Users", ScimTokenOnly, new { schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:User" }, userName = "scim@example.com" }),
        new("GET /scim/v2/Users/{author}", ScimTokenOnly),
        new("PUT /scim/v2/Users/{author}", ScimTokenOnly, new { schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:User" }, userName = "scim@example.com" }),
        new("PATCH /scim/v2/Users/{author}", ScimTokenOnly, new { schemas = new[] { "urn:ietf:params:scim:api:messages:2.0:PatchOp" }, Operations = new[] { new { op = "replace", path = "active", value = false } } }),
        new("DELETE /scim/v2/Users/{author}", ScimTokenOnly),
        new("GET /scim/v2/Groups", ScimTokenOnly),
        new("POST /scim/v2/Groups", ScimTokenOnly, new { schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:Group" }, displayName = "Scim" }),
        new("GET /scim/v2/Groups/IT", ScimTokenOnly),
        new("PUT /scim/v2/Groups/IT", ScimTokenOnly, new { schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:Group" }, displayName = "IT" }),
        new("PATCH /scim/v2/Groups/IT", ScimTokenOnly, new { schemas = new[] { "urn:ietf:params:scim:api:messages:2.0:PatchOp" }, Operations = new[] { new { op = "replace", path = "displayName", value = "IT" } } }),
        new("DELETE /scim/v2/Groups/IT", ScimTokenOnly),
        new("GET /scim/v2/Nothing/here", ScimTokenOnly),
        new("POST /scim/v2/Nothing", ScimTokenOnly, new { schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:User" } }),
        new("PUT /scim/v2/Nothing", ScimTokenOnly, new { schemas = new[] { "urn:ietf:params:scim:schemas:core:2.0:User" } }),
        new("PATCH /scim/v2/Nothing", ScimTokenOnly, new { schemas = new[] { "urn:ietf:params:scim:api:messages:2.0:PatchOp" } }),
        new("DELETE /scim/v2/Nothing", ScimTokenOnly),
        new("GET /api/people/me/access", "401 204 204 204 204 204 204"),

        // Operations
        new("GET /health/live", PublicRoute),
        new("GET /health/ready", PublicRoute),
        new("GET /openapi/communities.json", PublicRoute),
    ];

    public static RouteCase Find(string route) => Cases.Single(@case => @case.Route == route);

    private static async Task<string> FreshCommunityAsync(HubWorld world, string visibility, string suffix) =>
        $"/api/communities/{HubWorld.Id(await world.NewCommunityAsync(visibility))}{suffix}";

    private static async Task<string> LeaveFreshCommunityAsync(HubWorld world, Role role)
    {
        var community = HubWorld.Id(await world.NewCommunityAsync("open"));
        if (role is not (Role.Anonymous or Role.Lead))
        {
            await world.JoinAsync(community, role);
        }

        return $"/api/communities/{community}/members/me";
    }

    /// <summary>A person who signed in once, so the directory has their profile.</summary>
    private static async Task<Guid> FreshPersonAsync(HubWorld world)
    {
        var person = world.Hub.FreshPerson(Role.Employee);
        using var client = world.Hub.ClientWithToken(world.Hub.TokenFor(person));
        await client.GetJsonAsync("/api/people/me");
        return person.Id;
    }

    private static async Task<string> ErasureAsync(HubWorld world, Role role)
    {
        var person = await FreshPersonAsync(world);
        using var admin = world.Hub.Client(Role.Admin);
        using var response = await admin.DeleteAsync($"/api/people/{person}");
        await response.EnsureStatusAsync(HttpStatusCode.Accepted);
        return response.Headers.Location!.OriginalString;
    }

    private static async Task<string> FreshPostAsync(HubWorld world, string visibility) =>
        $"/api/posts/{await world.NewPostAsync(world[visibility], "article")}";

    /// <summary>The author (the project's lead) puts the member on the project first.</summary>
    private static async Task<string> AssignedMemberAsync(HubWorld world, Role role)
    {
        using var author = world.Hub.Client(Role.Author);
        await author.PutJsonAsync(world.Resolve("/api/projects/{project}/members/{member}"), new { role = "contributor" }, HttpStatusCode.OK);
        return world.Resolve("/api/projects/{project}/members/{member}");
    }

    /// <summary>The author aligns the project with the objective first.</summary>
    private static async Task<string> AlignedProjectAsync(HubWorld world, Role role)
    {
        var path = world.Resolve("/api/projects/{project}/alignments/{objective}");
        using var author = world.Hub.Client(Role.Author);
        await author.PutJsonAsync(path, new { contribution = "medium", rationale = "Part of it" }, HttpStatusCode.OK);
        return path;
    }
}
