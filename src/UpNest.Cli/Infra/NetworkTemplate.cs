using System.Text.Json.Nodes;
using static UpNest.Storage.DynamoDb.Infra.Cfn;

namespace UpNest.Cli.Infra;

/// <summary>
/// A VPC with two public subnets in two zones and a DynamoDB gateway endpoint. Tasks get public
/// addresses so they pull images without a NAT gateway (about $32 a month each); their security
/// group admits only the load balancer, and DynamoDB traffic stays on the endpoint.
/// </summary>
internal static class NetworkTemplate
{
    public static JsonObject Build()
    {
        var resources = new JsonObject
        {
            ["Vpc"] = Resource("AWS::EC2::VPC", new JsonObject
            {
                ["CidrBlock"] = Ref("VpcCidr"), ["EnableDnsHostnames"] = true, ["EnableDnsSupport"] = true, ["Tags"] = Tags("network"),
            }),
            ["InternetGateway"] = Resource("AWS::EC2::InternetGateway", new JsonObject { ["Tags"] = Tags("network") }),
            ["GatewayAttachment"] = Resource("AWS::EC2::VPCGatewayAttachment", new JsonObject
            {
                ["VpcId"] = Ref("Vpc"), ["InternetGatewayId"] = Ref("InternetGateway"),
            }),
            ["PublicRouteTable"] = Resource("AWS::EC2::RouteTable", new JsonObject { ["VpcId"] = Ref("Vpc"), ["Tags"] = Tags("network") }),
            ["DefaultRoute"] = new JsonObject
            {
                ["Type"] = "AWS::EC2::Route",
                ["DependsOn"] = "GatewayAttachment",
                ["Properties"] = new JsonObject
                {
                    ["RouteTableId"] = Ref("PublicRouteTable"), ["DestinationCidrBlock"] = "0.0.0.0/0", ["GatewayId"] = Ref("InternetGateway"),
                },
            },
            ["DynamoDbEndpoint"] = Resource("AWS::EC2::VPCEndpoint", new JsonObject
            {
                ["VpcId"] = Ref("Vpc"),
                ["ServiceName"] = Sub("com.amazonaws.${AWS::Region}.dynamodb"),
                ["VpcEndpointType"] = "Gateway",
                ["RouteTableIds"] = Array(Ref("PublicRouteTable")),
            }),
        };
        foreach (var (zone, index) in new[] { ("A", 0), ("B", 1) })
        {
            resources[$"PublicSubnet{zone}"] = Resource("AWS::EC2::Subnet", new JsonObject
            {
                ["VpcId"] = Ref("Vpc"),
                ["AvailabilityZone"] = new JsonObject { ["Fn::Select"] = Array(index, new JsonObject { ["Fn::GetAZs"] = "" }) },
                ["CidrBlock"] = new JsonObject { ["Fn::Select"] = Array(index, new JsonObject { ["Fn::Cidr"] = Array(Ref("VpcCidr"), 4, 12) }) },
                ["MapPublicIpOnLaunch"] = false,
                ["Tags"] = Tags("network"),
            });
            resources[$"PublicSubnet{zone}Routes"] = Resource("AWS::EC2::SubnetRouteTableAssociation", new JsonObject
            {
                ["SubnetId"] = Ref($"PublicSubnet{zone}"), ["RouteTableId"] = Ref("PublicRouteTable"),
            });
        }
        return new JsonObject
        {
            ["AWSTemplateFormatVersion"] = "2010-09-09",
            ["Description"] = "UpNest network: VPC, two public subnets in two zones, DynamoDB gateway endpoint.",
            ["Parameters"] = new JsonObject
            {
                ["Environment"] = EnvironmentParameter(),
                ["VpcCidr"] = new JsonObject
                {
                    ["Type"] = "String", ["Default"] = "10.40.0.0/16", ["AllowedPattern"] = @"^\d+\.\d+\.\d+\.\d+/16$",
                    ["Description"] = "Address range of the VPC (a /16; each subnet gets a /20).",
                },
            },
            ["Resources"] = resources,
            ["Outputs"] = new JsonObject
            {
                ["VpcId"] = Output(Ref("Vpc"), "VpcId"),
                ["SubnetIds"] = Output(new JsonObject { ["Fn::Join"] = Array(",", Array(Ref("PublicSubnetA"), Ref("PublicSubnetB"))) }, "SubnetIds"),
            },
        };
    }

    public static JsonObject Output(JsonNode value, string exportSuffix) => new()
    {
        ["Value"] = value,
        ["Export"] = new JsonObject { ["Name"] = Sub("${AWS::StackName}-" + exportSuffix) },
    };
}
