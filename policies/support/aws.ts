/**
 * The @pulumi/aws modules the rules use, imported one by one: the root index would make the CLI type-check (and load)
 * every AWS service at pack start. Add a line when a rule needs another service.
 */
export * as alb from "@pulumi/aws/alb";
export * as apigateway from "@pulumi/aws/apigateway";
export * as apigatewayv2 from "@pulumi/aws/apigatewayv2";
export * as backup from "@pulumi/aws/backup";
export * as cloudfront from "@pulumi/aws/cloudfront";
export * as cloudwatch from "@pulumi/aws/cloudwatch";
export * as docdb from "@pulumi/aws/docdb";
export * as dynamodb from "@pulumi/aws/dynamodb";
export * as ebs from "@pulumi/aws/ebs";
export * as ec2 from "@pulumi/aws/ec2";
export * as ecr from "@pulumi/aws/ecr";
export * as ecs from "@pulumi/aws/ecs";
export * as efs from "@pulumi/aws/efs";
export * as elasticache from "@pulumi/aws/elasticache";
export * as elasticsearch from "@pulumi/aws/elasticsearch";
export * as elb from "@pulumi/aws/elb";
export * as iam from "@pulumi/aws/iam";
export * as kms from "@pulumi/aws/kms";
export * as lambda from "@pulumi/aws/lambda";
export * as lb from "@pulumi/aws/lb";
export * as neptune from "@pulumi/aws/neptune";
export * as opensearch from "@pulumi/aws/opensearch";
export * as rds from "@pulumi/aws/rds";
export * as redshift from "@pulumi/aws/redshift";
export * as s3 from "@pulumi/aws/s3";
export * as secretsmanager from "@pulumi/aws/secretsmanager";
export * as sns from "@pulumi/aws/sns";
export * as vpc from "@pulumi/aws/vpc";
export * as wafv2 from "@pulumi/aws/wafv2";
