using KnowledgeHub.Expertise;
using KnowledgeHub.Messaging;
using KnowledgeHub.ServiceDefaults;

// The Expertise service on its own: the distributed topology. The gateway hosts the same module
// in-process when no URL is configured for it.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(ExpertiseModule.Name);
builder.AddExpertise();
builder.AddKnowledgeHubBus();

var app = builder.Build();
app.UseServiceDefaults();
app.MapExpertise();
app.Run();
