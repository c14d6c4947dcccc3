// Production, sized by docs/capacity.md: zone-redundant environment and storage, silos from 4 to 12,
// frontends from 10 to 80 (69 at the 25k requests/s peak), the catalog stream on Azure Queues, PostgreSQL off.
// Secrets come from the deploying shell's environment (README.md, "Deploying to Azure").
using 'main.bicep'

param name = 'tm-prod'
param zoneRedundant = true
param storageSku = 'Standard_ZRS'
param streaming = 'AzureQueue'
param siloMinReplicas = 4
param siloMaxReplicas = 12
param siloCpu = '4.0'
param siloMemory = '8Gi'
param frontendMinReplicas = 10
param frontendMaxReplicas = 80
param frontendCpu = '2.0'
param frontendMemory = '4Gi'
param frontendConcurrentRequests = 400
param eventHubPartitions = 16
param logRetentionDays = 90
param jwtSigningKey = readEnvironmentVariable('TM_JWT_SIGNING_KEY')
param waitingRoomSigningKey = readEnvironmentVariable('TM_WAITING_ROOM_SIGNING_KEY')
param adminEmail = readEnvironmentVariable('TM_ADMIN_EMAIL', '')
param adminPassword = readEnvironmentVariable('TM_ADMIN_PASSWORD', '')
