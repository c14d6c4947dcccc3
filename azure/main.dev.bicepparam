// Development: one silo that may grow to three, one frontend, locally redundant storage, no PostgreSQL.
// Secrets come from the deploying shell's environment (README.md, "Deploying to Azure").
using 'main.bicep'

param name = 'tm-dev'
param storageSku = 'Standard_LRS'
param siloMinReplicas = 1
param siloMaxReplicas = 3
param siloCpu = '1.0'
param siloMemory = '2Gi'
param frontendMinReplicas = 1
param frontendMaxReplicas = 3
param frontendCpu = '0.5'
param frontendMemory = '1Gi'
param eventHubPartitions = 2
param logRetentionDays = 30
param jwtSigningKey = readEnvironmentVariable('TM_JWT_SIGNING_KEY')
param waitingRoomSigningKey = readEnvironmentVariable('TM_WAITING_ROOM_SIGNING_KEY')
param adminEmail = readEnvironmentVariable('TM_ADMIN_EMAIL', '')
param adminPassword = readEnvironmentVariable('TM_ADMIN_PASSWORD', '')
