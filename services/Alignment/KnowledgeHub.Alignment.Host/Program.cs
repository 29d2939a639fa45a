using KnowledgeHub.Alignment;
using KnowledgeHub.Messaging;
using KnowledgeHub.ServiceDefaults;

// The Alignment service on its own: the distributed topology. The gateway hosts the same module
// in-process when no URL is configured for it.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(AlignmentModule.Name);
builder.AddAlignment();
builder.AddKnowledgeHubBus();

var app = builder.Build();
app.UseServiceDefaults();
app.MapAlignment();
app.Run();
