// The two apps: Silo processes (internal, Orleans ports only) and client-mode WebFrontends (external HTTPS ingress).
// Both run as the user-assigned identity; AZURE_CLIENT_ID tells DefaultAzureCredential which identity that is.
@minLength(3)
@maxLength(20)
param namePrefix string
param location string
param tags object
param environmentId string
param identityId string
param identityClientId string
param registryServer string
param siloImage string
param frontendImage string

@description('Settings both apps share: Orleans backend and stream choice, service URIs; plain values only.')
param sharedSettings array

@description('Secrets both apps share, as Container Apps secrets { name, value } with env bindings { name, secretRef }.')
@secure()
param sharedSecrets object

param siloPort int
param gatewayPort int
param siloMinReplicas int
param siloMaxReplicas int
param siloCpu string
param siloMemory string
param frontendMinReplicas int
param frontendMaxReplicas int
param frontendCpu string
param frontendMemory string
@description('Concurrent HTTP requests per frontend replica before Container Apps adds one.')
param frontendConcurrentRequests int

var httpPort = 8080

var registries = [
  {
    server: registryServer
    identity: identityId
  }
]

var siloSettings = concat(sharedSettings, [
  { name: 'AZURE_CLIENT_ID', value: identityClientId }
  { name: 'OTEL_SERVICE_NAME', value: 'ticketmaster-silo' }
  { name: 'Orleans__SiloPort', value: string(siloPort) }
  { name: 'Orleans__GatewayPort', value: string(gatewayPort) }
])

var frontendSettings = concat(sharedSettings, [
  { name: 'AZURE_CLIENT_ID', value: identityClientId }
  { name: 'OTEL_SERVICE_NAME', value: 'ticketmaster-frontend' }
  { name: 'Orleans__Hosting', value: 'Client' }
  { name: 'Orleans__GatewayPort', value: string(gatewayPort) }
  { name: 'ASPNETCORE_HTTP_PORTS', value: string(httpPort) }
  // The ingress is the only way in and reaches the replicas from the environment's private addresses:
  // its X-Forwarded-For names the fan, for the limits that count per address.
  { name: 'ForwardedHeaders__KnownNetworks__0', value: '10.0.0.0/8' }
  { name: 'ForwardedHeaders__KnownNetworks__1', value: '172.16.0.0/12' }
  { name: 'ForwardedHeaders__KnownNetworks__2', value: '192.168.0.0/16' }
  { name: 'ForwardedHeaders__KnownNetworks__3', value: '100.64.0.0/10' }
])

resource silo 'Microsoft.App/containerApps@2025-01-01' = {
  name: '${namePrefix}-silo'
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    environmentId: environmentId
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      registries: registries
      secrets: sharedSecrets.secrets
      // Internal only. Orleans itself dials each replica's advertised IP (silo to silo, client to gateway);
      // the mapping opens both ports inside the environment and nothing outside it.
      ingress: {
        external: false
        transport: 'tcp'
        targetPort: gatewayPort
        exposedPort: gatewayPort
        additionalPortMappings: [
          {
            external: false
            targetPort: siloPort
            exposedPort: siloPort
          }
        ]
      }
    }
    template: {
      // Time for a stopping silo to hand its grains (and their holds) over before the replica is killed.
      terminationGracePeriodSeconds: 60
      containers: [
        {
          name: 'silo'
          image: siloImage
          // Each replica advertises its own address (its pod IP) in the membership table.
          command: ['/bin/sh', '-c']
          args: ['export Orleans__AdvertisedIP="$(hostname -i | cut -d " " -f 1)"; exec /app/Silo']
          env: concat(siloSettings, sharedSecrets.env)
          resources: {
            cpu: json(siloCpu)
            memory: siloMemory
          }
          probes: [
            {
              type: 'Liveness'
              tcpSocket: { port: siloPort }
              periodSeconds: 10
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              tcpSocket: { port: gatewayPort }
              periodSeconds: 5
              failureThreshold: 3
            }
          ]
        }
      ]
      scale: {
        minReplicas: siloMinReplicas
        maxReplicas: siloMaxReplicas
        rules: [
          {
            name: 'cpu'
            custom: {
              type: 'cpu'
              metadata: {
                type: 'Utilization'
                value: '70'
              }
            }
          }
        ]
      }
    }
  }
}

resource frontend 'Microsoft.App/containerApps@2025-01-01' = {
  name: '${namePrefix}-web'
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    environmentId: environmentId
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      registries: registries
      secrets: sharedSecrets.secrets
      ingress: {
        external: true
        transport: 'auto'
        targetPort: httpPort
        allowInsecure: false
      }
    }
    template: {
      containers: [
        {
          name: 'web'
          image: frontendImage
          env: concat(frontendSettings, sharedSecrets.env)
          resources: {
            cpu: json(frontendCpu)
            memory: frontendMemory
          }
          probes: [
            {
              type: 'Liveness'
              httpGet: {
                path: '/healthz'
                port: httpPort
              }
              periodSeconds: 10
            }
            {
              type: 'Readiness'
              httpGet: {
                path: '/readyz'
                port: httpPort
              }
              periodSeconds: 5
            }
          ]
        }
      ]
      scale: {
        minReplicas: frontendMinReplicas
        maxReplicas: frontendMaxReplicas
        rules: [
          {
            name: 'http'
            http: {
              metadata: {
                concurrentRequests: string(frontendConcurrentRequests)
              }
            }
          }
        ]
      }
    }
  }
  dependsOn: [silo]
}

output frontendFqdn string = frontend.properties.configuration.ingress.fqdn
output siloName string = silo.name
