namespace KnowledgeHub.Web.Components.Shared;

/// <summary>One pair of departments in a <see cref="PartnershipHeatmap"/>: the figure that shades it and how it reads.</summary>
public sealed record HeatCell(string A, string B, decimal Value, string Text);
