using KnowledgeHub.Messaging.Privacy;

namespace KnowledgeHub.Expertise.Features.Privacy;

/// <summary>
/// What the directory holds about a person: their profile, skills, endorsements both ways, evidence
/// and what it was derived from; and how an erasure removes it (ADR 0072).
/// </summary>
internal static class ExpertisePersonalData
{
    public static IReadOnlyList<PersonalDataSet> Sets { get; } =
    [
        new("profile", "SELECT * FROM people WHERE id = @PersonId"),
        new("skills", "SELECT s.name AS skill, ps.* FROM person_skills ps JOIN skills s ON s.id = ps.skill_id WHERE ps.person_id = @PersonId"),
        new("endorsementsReceived", "SELECT * FROM endorsements WHERE person_id = @PersonId"),
        new("endorsementsGiven", "SELECT * FROM endorsements WHERE endorser_id = @PersonId"),
        new("evidence", "SELECT * FROM evidence WHERE person_id = @PersonId"),
        new("expertise", "SELECT * FROM expertise WHERE person_id = @PersonId"),
        new("evidenceDocuments", "SELECT * FROM evidence_documents WHERE person_id = @PersonId"),
        new("questionsSuggestedFor", "SELECT * FROM suggested_experts WHERE person_id = @PersonId"),
        new("tagsUsed", "SELECT * FROM skill_candidates WHERE person_id = @PersonId"),
        new("postsSeen", "SELECT * FROM community_posts WHERE author_id = @PersonId"),
        new("answersSeen", "SELECT * FROM community_answers WHERE author_id = @PersonId"),
        new("activity", "SELECT * FROM person_activity WHERE person_id = @PersonId"),
        new("projectMembershipsSeen", "SELECT * FROM project_members WHERE person_id = @PersonId"),
        new("erasures", "SELECT * FROM erasures WHERE person_id = @PersonId"),
        new("erasuresRequested", "SELECT * FROM erasures WHERE requested_by = @PersonId"),
    ];

    /// <summary>
    /// The person's evidence, endorsements given and received and everything derived from them go;
    /// the posts and answers they wrote stay in the communities' copies, re-attributed to the former
    /// member, whose writing is nobody's evidence. The erasures themselves stay: they name an id only.
    /// </summary>
    public static IReadOnlyList<string> Erasure { get; } =
    [
        "DELETE FROM evidence_words WHERE source IN (SELECT source FROM evidence WHERE person_id = @PersonId)",
        "DELETE FROM evidence WHERE person_id = @PersonId",
        "DELETE FROM expertise WHERE person_id = @PersonId",
        "DELETE FROM evidence_terms WHERE person_id = @PersonId",
        "DELETE FROM evidence_documents WHERE person_id = @PersonId",
        "DELETE FROM person_activity WHERE person_id = @PersonId",
        "DELETE FROM evidence_locks WHERE person_id = @PersonId",
        "DELETE FROM endorsements WHERE endorser_id = @PersonId OR person_id = @PersonId",
        "DELETE FROM person_skills WHERE person_id = @PersonId",
        "DELETE FROM suggested_experts WHERE person_id = @PersonId",
        "DELETE FROM skill_candidates WHERE person_id = @PersonId",
        "UPDATE community_posts SET author_id = @FormerMember WHERE author_id = @PersonId",
        "UPDATE community_answers SET author_id = @FormerMember WHERE author_id = @PersonId",
        "DELETE FROM project_members WHERE person_id = @PersonId",
        "DELETE FROM people WHERE id = @PersonId",
    ];
}
