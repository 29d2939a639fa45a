using System.Net;
using KnowledgeHub.Testing;
using Microsoft.Playwright;
using Xunit;

namespace KnowledgeHub.Web.Tests;

/// <summary>An administrator reads the audit trail in the browser: who did what to whom, and whether the chain holds.</summary>
[Collection(WebHub.Collection)]
public sealed class AuditJourneys(WebHub hub)
{
    [Fact]
    public async Task An_admin_finds_a_leads_declined_request_by_name_in_the_trail_and_others_may_not_look()
    {
        using var lead = await hub.SignInAsync("lena.lead@example.com", "Lena Lead", "IT");
        using var applicant = await hub.SignInAsync("arno.applicant@example.com", "Arno Applicant", "HR");
        var community = await lead.PostJsonAsync(
            "/api/communities", new { name = "Audited circle", description = "Closed.", tags = new[] { "security" }, visibility = "closed" }, HttpStatusCode.Created);
        await applicant.PostJsonAsync($"/api/communities/{community.Id()}/members", new { }, HttpStatusCode.OK);
        var applicantId = (await applicant.GetJsonAsync("/api/people/me")).Id();
        await lead.PutJsonAsync($"/api/communities/{community.Id()}/members/{applicantId}", new { status = "rejected" }, HttpStatusCode.OK);
        var page = await hub.NewPageAsync();
        await page.SignInAsync("ada.admin@example.com", "Ada Admin", "IT", admin: true);

        await page.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Audit trail" }).ClickAsync();
        await page.GetByLabel("Target", new() { Exact = true }).FillAsync($"person:{applicantId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();

        var entries = page.GetByRole(AriaRole.Region, new() { Name = "Table of audit entries" });
        var row = entries.GetByRole(AriaRole.Row).Filter(new() { HasText = "community.request.declined" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = "Lena Lead" })).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = "Arno Applicant" })).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync($"community: {community.Id()}");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("The chain holds");
        await page.CheckPageAtBothWidthsAsync(hub, "audit-trail");

        var employee = await hub.NewPageAsync();
        await employee.SignInAsync("arno.applicant@example.com", "Arno Applicant", "HR");
        await Assertions.Expect(employee.MainNavigation().GetByRole(AriaRole.Link, new() { Name = "Audit trail" })).ToHaveCountAsync(0);
        await employee.GotoAsync("/admin/audit");
        await Assertions.Expect(employee.GetByRole(AriaRole.Heading, new() { Name = "You cannot see this page" })).ToBeVisibleAsync();
    }
}
