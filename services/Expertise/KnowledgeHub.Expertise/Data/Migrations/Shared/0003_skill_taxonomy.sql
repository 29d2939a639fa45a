-- A starting taxonomy: canonical skills with their categories and common aliases. Admins
-- extend it (PUT /api/skills/{name}) and merge what people create on first use.
-- Ids are upper-case because that is how Microsoft.Data.Sqlite writes a Guid parameter as text.

INSERT INTO skills (id, name, name_key, category, created_at) VALUES
    ('A4C8E5D7-E8BB-52F1-94A6-A3AF59B19ADA', 'JavaScript', 'javascript', 'Programming languages', '2026-01-01T00:00:00.0000000Z'),
    ('E3D44698-1C9F-5415-A717-516039FF0256', 'TypeScript', 'typescript', 'Programming languages', '2026-01-01T00:00:00.0000000Z'),
    ('B60334FB-B4FE-5C0E-BAD2-0791585D3C62', 'Python', 'python', 'Programming languages', '2026-01-01T00:00:00.0000000Z'),
    ('0010DD5C-B78B-5A5D-9EBF-C433E9634880', 'Java', 'java', 'Programming languages', '2026-01-01T00:00:00.0000000Z'),
    ('6418174B-740D-5F96-BB84-103E517F5FB3', 'C#', 'c#', 'Programming languages', '2026-01-01T00:00:00.0000000Z'),
    ('D5420DA4-8DEF-58A6-A94C-06BB31F1F077', 'Go', 'go', 'Programming languages', '2026-01-01T00:00:00.0000000Z'),
    ('ABB9657F-A323-5E0C-853B-AFF333A11F9B', 'Rust', 'rust', 'Programming languages', '2026-01-01T00:00:00.0000000Z'),
    ('50368B14-7D92-595B-A267-71F0EB21C113', 'Kotlin', 'kotlin', 'Programming languages', '2026-01-01T00:00:00.0000000Z'),
    ('349E5D18-EF28-5F4F-BBAC-6136B1C7C3BD', 'Swift', 'swift', 'Programming languages', '2026-01-01T00:00:00.0000000Z'),
    ('8999F868-0FD8-5F74-BC34-71D62D56E20A', 'C++', 'c++', 'Programming languages', '2026-01-01T00:00:00.0000000Z'),
    ('04088C4B-4DA6-58C0-A9DC-A77AE0FF3C4B', 'Ruby', 'ruby', 'Programming languages', '2026-01-01T00:00:00.0000000Z'),
    ('B38912FF-C3F1-5296-8FC8-6A630C6E3B3F', 'PHP', 'php', 'Programming languages', '2026-01-01T00:00:00.0000000Z'),
    ('8E328AF7-DF7C-54D6-9722-E72FB5FE077B', 'Scala', 'scala', 'Programming languages', '2026-01-01T00:00:00.0000000Z'),
    ('217E7C8B-E6C1-5478-92F8-85067C81BF5C', 'R', 'r', 'Programming languages', '2026-01-01T00:00:00.0000000Z'),
    ('78894841-20B1-5C94-B347-028B06CFCE3B', 'SQL', 'sql', 'Programming languages', '2026-01-01T00:00:00.0000000Z'),
    ('6B2AED92-0272-5D07-B046-B79AB18748B7', 'Bash', 'bash', 'Programming languages', '2026-01-01T00:00:00.0000000Z'),
    ('DFF04BAD-6F0B-5FAD-B196-5468191FEE12', 'React', 'react', 'Frontend', '2026-01-01T00:00:00.0000000Z'),
    ('8B74C063-E4AC-54BC-9A92-71AFC28E3727', 'Angular', 'angular', 'Frontend', '2026-01-01T00:00:00.0000000Z'),
    ('163B240E-611F-5D41-93B4-CE9ED41F40A9', 'Vue.js', 'vue.js', 'Frontend', '2026-01-01T00:00:00.0000000Z'),
    ('49B7B2A6-B664-5A35-A1C6-DF7E7E872F4B', 'HTML', 'html', 'Frontend', '2026-01-01T00:00:00.0000000Z'),
    ('4B310521-7E63-5213-9309-FE48D0D59203', 'CSS', 'css', 'Frontend', '2026-01-01T00:00:00.0000000Z'),
    ('A98E7506-23D7-5A02-B00E-594693AAE508', 'Accessibility', 'accessibility', 'Frontend', '2026-01-01T00:00:00.0000000Z'),
    ('0A23B885-B376-5AEA-B23D-C630F066E8BC', '.NET', '.net', 'Backend', '2026-01-01T00:00:00.0000000Z'),
    ('82B416F4-B9BF-5CC8-A3C6-4C3D64154A1D', 'ASP.NET Core', 'asp.net core', 'Backend', '2026-01-01T00:00:00.0000000Z'),
    ('82674631-C8D7-52B2-8746-A8F61A04E54C', 'Node.js', 'node.js', 'Backend', '2026-01-01T00:00:00.0000000Z'),
    ('E6A2F00B-168D-58DE-9F18-A964CA101A77', 'Spring Boot', 'spring boot', 'Backend', '2026-01-01T00:00:00.0000000Z'),
    ('2B506F3A-FCC9-57DC-9BC8-C4F451E76514', 'Django', 'django', 'Backend', '2026-01-01T00:00:00.0000000Z'),
    ('689F803F-770C-500F-A046-AB5275926C0C', 'GraphQL', 'graphql', 'Backend', '2026-01-01T00:00:00.0000000Z'),
    ('CF8122BD-C119-53BA-B95F-6B31C2CDCD4F', 'REST APIs', 'rest apis', 'Backend', '2026-01-01T00:00:00.0000000Z'),
    ('9CA6D847-E0ED-5AE5-9726-36F8F581C3F3', 'Microservices', 'microservices', 'Backend', '2026-01-01T00:00:00.0000000Z'),
    ('71A1C208-0E80-556A-8A5B-9226236B1F4E', 'Domain-Driven Design', 'domain-driven design', 'Backend', '2026-01-01T00:00:00.0000000Z'),
    ('90FD55FE-CC35-5FA0-BE8E-590F56D01DD0', 'Kubernetes', 'kubernetes', 'Cloud and operations', '2026-01-01T00:00:00.0000000Z'),
    ('3BDE66B6-3DB6-5DB3-8891-80A2413FC129', 'Docker', 'docker', 'Cloud and operations', '2026-01-01T00:00:00.0000000Z'),
    ('D27AB792-C950-58FA-BB72-5E396392132E', 'Helm', 'helm', 'Cloud and operations', '2026-01-01T00:00:00.0000000Z'),
    ('FFD8DA29-4905-5F60-AEFB-520938211E80', 'Terraform', 'terraform', 'Cloud and operations', '2026-01-01T00:00:00.0000000Z'),
    ('3B6C79F4-36B6-58C4-961C-67C32EB2035E', 'Ansible', 'ansible', 'Cloud and operations', '2026-01-01T00:00:00.0000000Z'),
    ('72012803-3506-544D-B1AE-E1E8192A21B8', 'AWS', 'aws', 'Cloud and operations', '2026-01-01T00:00:00.0000000Z'),
    ('89D05307-4FE8-58CF-9813-F09150CD582F', 'Azure', 'azure', 'Cloud and operations', '2026-01-01T00:00:00.0000000Z'),
    ('9C14581D-79A3-5926-A19A-98145E3ECE37', 'Google Cloud', 'google cloud', 'Cloud and operations', '2026-01-01T00:00:00.0000000Z'),
    ('4A504D65-B9E9-54F2-A18C-FBBA5A1CF00B', 'CI/CD', 'ci/cd', 'Cloud and operations', '2026-01-01T00:00:00.0000000Z'),
    ('8A11ECA6-761B-583D-8590-AF9E69AF4C4F', 'Git', 'git', 'Cloud and operations', '2026-01-01T00:00:00.0000000Z'),
    ('716421A9-4EBD-5E5E-80BA-C89771AE608F', 'Linux', 'linux', 'Cloud and operations', '2026-01-01T00:00:00.0000000Z'),
    ('3A4D800B-BA88-5569-B3C6-8F2BFE15943C', 'Observability', 'observability', 'Cloud and operations', '2026-01-01T00:00:00.0000000Z'),
    ('CF0FFC44-D0B7-5E69-BA8E-B83A61E4CC85', 'Site Reliability Engineering', 'site reliability engineering', 'Cloud and operations', '2026-01-01T00:00:00.0000000Z'),
    ('CE4CA5EE-B08D-5852-82FD-638E64C9D7D6', 'PostgreSQL', 'postgresql', 'Data', '2026-01-01T00:00:00.0000000Z'),
    ('4F93A154-C798-5F0C-8CD3-C65F7286FA73', 'MongoDB', 'mongodb', 'Data', '2026-01-01T00:00:00.0000000Z'),
    ('1E7F9591-59A3-54FA-B337-1A261E3B3B79', 'Redis', 'redis', 'Data', '2026-01-01T00:00:00.0000000Z'),
    ('DE16B68C-863D-5DAB-8685-2A4AECF4DBE9', 'Elasticsearch', 'elasticsearch', 'Data', '2026-01-01T00:00:00.0000000Z'),
    ('49F347D3-D215-5C4B-9C97-57336EF1BF2A', 'Apache Kafka', 'apache kafka', 'Data', '2026-01-01T00:00:00.0000000Z'),
    ('74B68EA5-678A-5B76-8CAE-CE66C4D47C0E', 'Apache Spark', 'apache spark', 'Data', '2026-01-01T00:00:00.0000000Z'),
    ('974E28C1-6518-5B08-A297-A9F7DDCA5259', 'Machine Learning', 'machine learning', 'Data', '2026-01-01T00:00:00.0000000Z'),
    ('A36EDAC7-8C9F-5970-83EC-86BB9CB5A49C', 'Artificial Intelligence', 'artificial intelligence', 'Data', '2026-01-01T00:00:00.0000000Z'),
    ('DB05860F-A42E-5650-9853-A29EF667C576', 'Large Language Models', 'large language models', 'Data', '2026-01-01T00:00:00.0000000Z'),
    ('AABCE040-4570-5347-BF5D-C21DCC7B7F81', 'Data Engineering', 'data engineering', 'Data', '2026-01-01T00:00:00.0000000Z'),
    ('300B0A02-4DE1-54AB-B217-AFD33C616076', 'Data Science', 'data science', 'Data', '2026-01-01T00:00:00.0000000Z'),
    ('93ACC804-BAF0-587E-BE19-295E40D26E9A', 'Data Visualization', 'data visualization', 'Data', '2026-01-01T00:00:00.0000000Z'),
    ('FA0078EF-F505-5E6E-BA84-7625ECDBF784', 'Power BI', 'power bi', 'Data', '2026-01-01T00:00:00.0000000Z'),
    ('0E956D60-0D15-57A2-9292-8DC899085674', 'Tableau', 'tableau', 'Data', '2026-01-01T00:00:00.0000000Z'),
    ('B971309E-68CD-5D11-A8B6-962D7695F67F', 'Excel', 'excel', 'Data', '2026-01-01T00:00:00.0000000Z'),
    ('D09E00D5-AEDE-560D-8CC5-1A1487521BB3', 'Statistics', 'statistics', 'Data', '2026-01-01T00:00:00.0000000Z'),
    ('8BF97D35-4DDC-5FDE-AD40-D926CB3426E1', 'Information Security', 'information security', 'Security', '2026-01-01T00:00:00.0000000Z'),
    ('D19AA136-1E75-5233-BB12-C7D3F6A17732', 'Identity and Access Management', 'identity and access management', 'Security', '2026-01-01T00:00:00.0000000Z'),
    ('605BF130-1C55-5B08-B92A-2F42361811CE', 'Cryptography', 'cryptography', 'Security', '2026-01-01T00:00:00.0000000Z'),
    ('6F83E631-06FF-51E5-88BE-C9461721E1AA', 'Penetration Testing', 'penetration testing', 'Security', '2026-01-01T00:00:00.0000000Z'),
    ('D1D6EEBA-A06A-5932-A8F0-C8D2D4DED66E', 'Agile', 'agile', 'Practices', '2026-01-01T00:00:00.0000000Z'),
    ('D04C4CA8-A01D-528A-A1E2-6EC68763BC6A', 'Scrum', 'scrum', 'Practices', '2026-01-01T00:00:00.0000000Z'),
    ('634E9673-2D83-523F-AA1E-BDFB91A6F293', 'Kanban', 'kanban', 'Practices', '2026-01-01T00:00:00.0000000Z'),
    ('4F0F4449-2A33-5330-AED3-AC2CBCCA6B9C', 'Software Testing', 'software testing', 'Practices', '2026-01-01T00:00:00.0000000Z'),
    ('1FC18C62-7348-57E0-9D47-B311FBA3811F', 'Test Automation', 'test automation', 'Practices', '2026-01-01T00:00:00.0000000Z'),
    ('D7B9AB14-9613-5A38-8BAF-113F7A1526D1', 'Software Architecture', 'software architecture', 'Practices', '2026-01-01T00:00:00.0000000Z'),
    ('56FBC1A3-FB03-5E71-A3A9-E1665D9F5591', 'UX Design', 'ux design', 'Practices', '2026-01-01T00:00:00.0000000Z'),
    ('6BBB2170-1EE3-596C-9D23-470BDD2B3AF7', 'UI Design', 'ui design', 'Practices', '2026-01-01T00:00:00.0000000Z'),
    ('078B87B0-CAE0-59F4-A3EA-AFC20F3B61A6', 'Technical Writing', 'technical writing', 'Practices', '2026-01-01T00:00:00.0000000Z'),
    ('F29FE029-E57C-5796-9AE1-E526E9709C1A', 'Project Management', 'project management', 'Business', '2026-01-01T00:00:00.0000000Z'),
    ('B48C27E9-768E-5D5E-A95B-C052DCF90C61', 'Product Management', 'product management', 'Business', '2026-01-01T00:00:00.0000000Z'),
    ('BDD11368-1D87-528D-AF64-69CD78AE2F35', 'Change Management', 'change management', 'Business', '2026-01-01T00:00:00.0000000Z'),
    ('5DFAC550-A07D-5BD4-9EEE-C6A40A66E8EE', 'Risk Management', 'risk management', 'Business', '2026-01-01T00:00:00.0000000Z'),
    ('9C758958-12F7-55E5-9F84-234CD2D9ED29', 'Finance', 'finance', 'Business', '2026-01-01T00:00:00.0000000Z'),
    ('14772F07-A431-58A4-ACE9-96EB69735083', 'Accounting', 'accounting', 'Business', '2026-01-01T00:00:00.0000000Z'),
    ('72219414-BD2E-547F-BD87-2E76551926AF', 'Procurement', 'procurement', 'Business', '2026-01-01T00:00:00.0000000Z'),
    ('FE60EBF2-A850-5C3C-8515-172DFA58E496', 'Business Analysis', 'business analysis', 'Business', '2026-01-01T00:00:00.0000000Z'),
    ('7A74FBE0-C970-5EC3-B75F-B9620FB3336A', 'GDPR', 'gdpr', 'Business', '2026-01-01T00:00:00.0000000Z'),
    ('F0C20F01-C4AF-512A-8CDC-F6360E817B39', 'SAP', 'sap', 'Business', '2026-01-01T00:00:00.0000000Z'),
    ('D0606A48-C60E-5313-88E0-9E6C8F5BBD34', 'Salesforce', 'salesforce', 'Business', '2026-01-01T00:00:00.0000000Z'),
    ('2C6A4BE6-62DE-5050-91AC-C835F1ED7EF8', 'Negotiation', 'negotiation', 'Business', '2026-01-01T00:00:00.0000000Z'),
    ('3A74E59E-F3B4-5FAC-AADA-F60895A4CB95', 'Public Speaking', 'public speaking', 'Business', '2026-01-01T00:00:00.0000000Z'),
    ('1F73A60C-B7EC-5665-9949-A7030E2BF4B3', 'Leadership', 'leadership', 'Business', '2026-01-01T00:00:00.0000000Z'),
    ('20C77491-52AE-522F-BAD9-4D49C0ACC6DB', 'Coaching', 'coaching', 'Business', '2026-01-01T00:00:00.0000000Z')
ON CONFLICT (name_key) DO NOTHING;

-- An alias never shadows a skill someone already created under that name.
INSERT INTO skill_aliases (alias_key, skill_id)
SELECT a.alias_key, s.id
FROM (
    SELECT 'js' AS alias_key, 'javascript' AS name_key
    UNION ALL
    SELECT 'ecmascript' AS alias_key, 'javascript' AS name_key
    UNION ALL
    SELECT 'es6' AS alias_key, 'javascript' AS name_key
    UNION ALL
    SELECT 'ts' AS alias_key, 'typescript' AS name_key
    UNION ALL
    SELECT 'py' AS alias_key, 'python' AS name_key
    UNION ALL
    SELECT 'python3' AS alias_key, 'python' AS name_key
    UNION ALL
    SELECT 'jvm' AS alias_key, 'java' AS name_key
    UNION ALL
    SELECT 'csharp' AS alias_key, 'c#' AS name_key
    UNION ALL
    SELECT 'c sharp' AS alias_key, 'c#' AS name_key
    UNION ALL
    SELECT 'c-sharp' AS alias_key, 'c#' AS name_key
    UNION ALL
    SELECT 'golang' AS alias_key, 'go' AS name_key
    UNION ALL
    SELECT 'rustlang' AS alias_key, 'rust' AS name_key
    UNION ALL
    SELECT 'cpp' AS alias_key, 'c++' AS name_key
    UNION ALL
    SELECT 'cplusplus' AS alias_key, 'c++' AS name_key
    UNION ALL
    SELECT 'rlang' AS alias_key, 'r' AS name_key
    UNION ALL
    SELECT 'shell' AS alias_key, 'bash' AS name_key
    UNION ALL
    SELECT 'shell scripting' AS alias_key, 'bash' AS name_key
    UNION ALL
    SELECT 'reactjs' AS alias_key, 'react' AS name_key
    UNION ALL
    SELECT 'react.js' AS alias_key, 'react' AS name_key
    UNION ALL
    SELECT 'angularjs' AS alias_key, 'angular' AS name_key
    UNION ALL
    SELECT 'vue' AS alias_key, 'vue.js' AS name_key
    UNION ALL
    SELECT 'vuejs' AS alias_key, 'vue.js' AS name_key
    UNION ALL
    SELECT 'html5' AS alias_key, 'html' AS name_key
    UNION ALL
    SELECT 'css3' AS alias_key, 'css' AS name_key
    UNION ALL
    SELECT 'sass' AS alias_key, 'css' AS name_key
    UNION ALL
    SELECT 'scss' AS alias_key, 'css' AS name_key
    UNION ALL
    SELECT 'a11y' AS alias_key, 'accessibility' AS name_key
    UNION ALL
    SELECT 'wcag' AS alias_key, 'accessibility' AS name_key
    UNION ALL
    SELECT 'dotnet' AS alias_key, '.net' AS name_key
    UNION ALL
    SELECT '.net core' AS alias_key, '.net' AS name_key
    UNION ALL
    SELECT 'dotnet core' AS alias_key, '.net' AS name_key
    UNION ALL
    SELECT 'aspnetcore' AS alias_key, 'asp.net core' AS name_key
    UNION ALL
    SELECT 'asp.net' AS alias_key, 'asp.net core' AS name_key
    UNION ALL
    SELECT 'node' AS alias_key, 'node.js' AS name_key
    UNION ALL
    SELECT 'nodejs' AS alias_key, 'node.js' AS name_key
    UNION ALL
    SELECT 'spring' AS alias_key, 'spring boot' AS name_key
    UNION ALL
    SELECT 'springboot' AS alias_key, 'spring boot' AS name_key
    UNION ALL
    SELECT 'gql' AS alias_key, 'graphql' AS name_key
    UNION ALL
    SELECT 'rest' AS alias_key, 'rest apis' AS name_key
    UNION ALL
    SELECT 'restful apis' AS alias_key, 'rest apis' AS name_key
    UNION ALL
    SELECT 'api design' AS alias_key, 'rest apis' AS name_key
    UNION ALL
    SELECT 'micro-services' AS alias_key, 'microservices' AS name_key
    UNION ALL
    SELECT 'ddd' AS alias_key, 'domain-driven design' AS name_key
    UNION ALL
    SELECT 'k8s' AS alias_key, 'kubernetes' AS name_key
    UNION ALL
    SELECT 'kube' AS alias_key, 'kubernetes' AS name_key
    UNION ALL
    SELECT 'containers' AS alias_key, 'docker' AS name_key
    UNION ALL
    SELECT 'tf' AS alias_key, 'terraform' AS name_key
    UNION ALL
    SELECT 'hcl' AS alias_key, 'terraform' AS name_key
    UNION ALL
    SELECT 'amazon web services' AS alias_key, 'aws' AS name_key
    UNION ALL
    SELECT 'microsoft azure' AS alias_key, 'azure' AS name_key
    UNION ALL
    SELECT 'gcp' AS alias_key, 'google cloud' AS name_key
    UNION ALL
    SELECT 'google cloud platform' AS alias_key, 'google cloud' AS name_key
    UNION ALL
    SELECT 'ci-cd' AS alias_key, 'ci/cd' AS name_key
    UNION ALL
    SELECT 'cicd' AS alias_key, 'ci/cd' AS name_key
    UNION ALL
    SELECT 'continuous integration' AS alias_key, 'ci/cd' AS name_key
    UNION ALL
    SELECT 'continuous delivery' AS alias_key, 'ci/cd' AS name_key
    UNION ALL
    SELECT 'github' AS alias_key, 'git' AS name_key
    UNION ALL
    SELECT 'gitlab' AS alias_key, 'git' AS name_key
    UNION ALL
    SELECT 'monitoring' AS alias_key, 'observability' AS name_key
    UNION ALL
    SELECT 'opentelemetry' AS alias_key, 'observability' AS name_key
    UNION ALL
    SELECT 'prometheus' AS alias_key, 'observability' AS name_key
    UNION ALL
    SELECT 'sre' AS alias_key, 'site reliability engineering' AS name_key
    UNION ALL
    SELECT 'postgres' AS alias_key, 'postgresql' AS name_key
    UNION ALL
    SELECT 'psql' AS alias_key, 'postgresql' AS name_key
    UNION ALL
    SELECT 'mongo' AS alias_key, 'mongodb' AS name_key
    UNION ALL
    SELECT 'elastic' AS alias_key, 'elasticsearch' AS name_key
    UNION ALL
    SELECT 'kafka' AS alias_key, 'apache kafka' AS name_key
    UNION ALL
    SELECT 'spark' AS alias_key, 'apache spark' AS name_key
    UNION ALL
    SELECT 'pyspark' AS alias_key, 'apache spark' AS name_key
    UNION ALL
    SELECT 'ml' AS alias_key, 'machine learning' AS name_key
    UNION ALL
    SELECT 'ai' AS alias_key, 'artificial intelligence' AS name_key
    UNION ALL
    SELECT 'llm' AS alias_key, 'large language models' AS name_key
    UNION ALL
    SELECT 'llms' AS alias_key, 'large language models' AS name_key
    UNION ALL
    SELECT 'genai' AS alias_key, 'large language models' AS name_key
    UNION ALL
    SELECT 'generative ai' AS alias_key, 'large language models' AS name_key
    UNION ALL
    SELECT 'etl' AS alias_key, 'data engineering' AS name_key
    UNION ALL
    SELECT 'data pipelines' AS alias_key, 'data engineering' AS name_key
    UNION ALL
    SELECT 'dataviz' AS alias_key, 'data visualization' AS name_key
    UNION ALL
    SELECT 'powerbi' AS alias_key, 'power bi' AS name_key
    UNION ALL
    SELECT 'spreadsheets' AS alias_key, 'excel' AS name_key
    UNION ALL
    SELECT 'infosec' AS alias_key, 'information security' AS name_key
    UNION ALL
    SELECT 'cybersecurity' AS alias_key, 'information security' AS name_key
    UNION ALL
    SELECT 'security' AS alias_key, 'information security' AS name_key
    UNION ALL
    SELECT 'iam' AS alias_key, 'identity and access management' AS name_key
    UNION ALL
    SELECT 'oauth' AS alias_key, 'identity and access management' AS name_key
    UNION ALL
    SELECT 'openid connect' AS alias_key, 'identity and access management' AS name_key
    UNION ALL
    SELECT 'crypto' AS alias_key, 'cryptography' AS name_key
    UNION ALL
    SELECT 'pentesting' AS alias_key, 'penetration testing' AS name_key
    UNION ALL
    SELECT 'pentest' AS alias_key, 'penetration testing' AS name_key
    UNION ALL
    SELECT 'agile methods' AS alias_key, 'agile' AS name_key
    UNION ALL
    SELECT 'testing' AS alias_key, 'software testing' AS name_key
    UNION ALL
    SELECT 'qa' AS alias_key, 'software testing' AS name_key
    UNION ALL
    SELECT 'quality assurance' AS alias_key, 'software testing' AS name_key
    UNION ALL
    SELECT 'automated testing' AS alias_key, 'test automation' AS name_key
    UNION ALL
    SELECT 'architecture' AS alias_key, 'software architecture' AS name_key
    UNION ALL
    SELECT 'ux' AS alias_key, 'ux design' AS name_key
    UNION ALL
    SELECT 'user experience' AS alias_key, 'ux design' AS name_key
    UNION ALL
    SELECT 'ui' AS alias_key, 'ui design' AS name_key
    UNION ALL
    SELECT 'documentation' AS alias_key, 'technical writing' AS name_key
    UNION ALL
    SELECT 'docs' AS alias_key, 'technical writing' AS name_key
    UNION ALL
    SELECT 'pm' AS alias_key, 'project management' AS name_key
    UNION ALL
    SELECT 'pmp' AS alias_key, 'project management' AS name_key
    UNION ALL
    SELECT 'product owner' AS alias_key, 'product management' AS name_key
    UNION ALL
    SELECT 'financial analysis' AS alias_key, 'finance' AS name_key
    UNION ALL
    SELECT 'purchasing' AS alias_key, 'procurement' AS name_key
    UNION ALL
    SELECT 'requirements engineering' AS alias_key, 'business analysis' AS name_key
    UNION ALL
    SELECT 'data protection' AS alias_key, 'gdpr' AS name_key
    UNION ALL
    SELECT 'privacy' AS alias_key, 'gdpr' AS name_key
    UNION ALL
    SELECT 'sap erp' AS alias_key, 'sap' AS name_key
    UNION ALL
    SELECT 'sfdc' AS alias_key, 'salesforce' AS name_key
    UNION ALL
    SELECT 'presenting' AS alias_key, 'public speaking' AS name_key
    UNION ALL
    SELECT 'presentations' AS alias_key, 'public speaking' AS name_key
    UNION ALL
    SELECT 'mentoring' AS alias_key, 'coaching' AS name_key
) a
JOIN skills s ON s.name_key = a.name_key
WHERE NOT EXISTS (SELECT 1 FROM skills taken WHERE taken.name_key = a.alias_key)
ON CONFLICT (alias_key) DO NOTHING;
