using KnowledgeHub.Data;

namespace KnowledgeHub.Alignment.Features.Projects;

/// <summary>A project's partner departments and tags, written as a whole on create and on edit.</summary>
internal static class ProjectChildren
{
    public static async Task ReplaceAsync(UnitOfWork work, Guid id, ProjectInput input)
    {
        await work.ExecuteAsync(
            """
            DELETE FROM project_partners WHERE project_id = @Id;
            DELETE FROM project_tags WHERE project_id = @Id;
            """,
            new { Id = id });
        await work.ExecuteAsync(
            "INSERT INTO project_partners (project_id, department) VALUES (@Id, @Department)",
            input.PartnerDepartments.Select(department => new { Id = id, Department = department }));
        await work.ExecuteAsync(
            "INSERT INTO project_tags (project_id, tag) VALUES (@Id, @Tag)",
            input.Tags.Select(tag => new { Id = id, Tag = tag }));
    }
}
