using KnowledgeHub.Messaging.Privacy;

namespace KnowledgeHub.Alignment.Features.Privacy;

/// <summary>
/// What alignment holds about a person: projects they lead or work on, objectives and key results
/// they own, and what they reported or changed; and how an erasure removes it (ADR 0072).
/// </summary>
internal static class AlignmentPersonalData
{
    public static IReadOnlyList<PersonalDataSet> Sets { get; } =
    [
        new("person", "SELECT * FROM people WHERE person_id = @PersonId"),
        new("projectsLed", "SELECT * FROM projects WHERE lead_id = @PersonId"),
        new("projectMemberships", "SELECT * FROM project_members WHERE person_id = @PersonId"),
        new("objectivesCreated", "SELECT * FROM objectives WHERE created_by = @PersonId"),
        new("objectivesOwned", "SELECT * FROM objective_owners WHERE person_id = @PersonId"),
        new("keyResultsOwned", "SELECT * FROM key_result_owners WHERE person_id = @PersonId"),
        new("checkIns", "SELECT * FROM key_result_checkins WHERE checked_in_by = @PersonId"),
        new("statusReports", "SELECT * FROM project_status_reports WHERE reported_by = @PersonId"),
        new("alignmentsLinked", "SELECT * FROM project_objectives WHERE linked_by = @PersonId"),
        new("changesMade", "SELECT * FROM changes WHERE changed_by = @PersonId"),
    ];

    /// <summary>
    /// Memberships and ownerships go; the projects they led, the objectives they created and the
    /// check-ins, reports, alignments and changes they made stay, by the former member.
    /// </summary>
    public static IReadOnlyList<string> Erasure { get; } =
    [
        "DELETE FROM project_members WHERE person_id = @PersonId",
        "DELETE FROM objective_owners WHERE person_id = @PersonId",
        "DELETE FROM key_result_owners WHERE person_id = @PersonId",
        "UPDATE projects SET lead_id = @FormerMember WHERE lead_id = @PersonId",
        "UPDATE objectives SET created_by = @FormerMember WHERE created_by = @PersonId",
        "UPDATE key_result_checkins SET checked_in_by = @FormerMember WHERE checked_in_by = @PersonId",
        "UPDATE project_status_reports SET reported_by = @FormerMember WHERE reported_by = @PersonId",
        "UPDATE project_objectives SET linked_by = @FormerMember WHERE linked_by = @PersonId",
        "UPDATE changes SET changed_by = @FormerMember WHERE changed_by = @PersonId",
        "DELETE FROM people WHERE person_id = @PersonId",
    ];
}
