# The tutorial as a Terraform module (infra/examples/tutorial/README.md): instance-sg with SSH from a prefix list,
# pod-sg admitting HTTP from instance-sg, the EC2 instance, plus a database SG and an ENI, in the sandbox's VPC.
# The conformance test copies the sandbox's provider.tf beside it.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws" }
  }
}

variable "sandbox_json" {
  type = string
}

variable "http_port" {
  type    = number
  default = 80
}

variable "owner" {
  type    = string
  default = "platform"
}

locals {
  sandbox = jsondecode(file(var.sandbox_json))
}

resource "aws_ec2_managed_prefix_list" "office" {
  name           = "office-networks"
  address_family = "IPv4"
  max_entries    = 5
  entry {
    cidr        = "192.0.2.0/24"
    description = "office"
  }
  tags = { Owner = var.owner }
}

resource "aws_security_group" "instance" {
  name        = "tf-instance-sg"
  description = "The tutorial's EC2 instance"
  vpc_id      = local.sandbox.vpcId
  ingress {
    from_port       = 22
    to_port         = 22
    protocol        = "tcp"
    prefix_list_ids = [aws_ec2_managed_prefix_list.office.id]
    description     = "SSH from the office"
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
  tags = { Owner = var.owner }
}

resource "aws_security_group" "pod" {
  name        = "tf-pod-sg"
  description = "The tutorial's pod"
  vpc_id      = local.sandbox.vpcId
  tags        = { Owner = var.owner }
}

resource "aws_vpc_security_group_ingress_rule" "pod_http_from_instance" {
  security_group_id            = aws_security_group.pod.id
  referenced_security_group_id = aws_security_group.instance.id
  from_port                    = var.http_port
  to_port                      = var.http_port
  ip_protocol                  = "tcp"
  description                  = "HTTP from instance-sg"
  tags                         = { Owner = var.owner }
}

resource "aws_vpc_security_group_egress_rule" "pod_all_out" {
  security_group_id = aws_security_group.pod.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
  tags              = { Owner = var.owner }
}

resource "aws_security_group" "db" {
  name        = "tf-db-sg"
  description = "Databases"
  vpc_id      = local.sandbox.vpcId
}

resource "aws_security_group_rule" "db_from_pods" {
  type                     = "ingress"
  from_port                = 5432
  to_port                  = 5432
  protocol                 = "tcp"
  security_group_id        = aws_security_group.db.id
  source_security_group_id = aws_security_group.pod.id
}

resource "aws_network_interface" "db" {
  subnet_id       = local.sandbox.subnetIds[1]
  security_groups = [aws_security_group.db.id]
  tags            = { Owner = var.owner }
}

# RDS: the provider creates it, then polls DescribeDBInstances until "available" (its waiter starts after a
# fixed minute, so this resource adds about 80 s to apply and a minute to destroy).
resource "aws_db_instance" "orders" {
  identifier             = "tf-orders"
  engine                 = "postgres"
  instance_class         = "db.t3.micro"
  allocated_storage      = 20
  username               = "app"
  password               = "sandbox-secret"
  skip_final_snapshot    = true
  vpc_security_group_ids = [aws_security_group.db.id]
}

resource "aws_instance" "ec2_instance" {
  ami                    = "ami-0123456789abcdef0"
  instance_type          = "t3.micro"
  subnet_id              = local.sandbox.subnetIds[0]
  vpc_security_group_ids = [aws_security_group.instance.id]
  tags                   = { Name = "ec2-instance", Owner = var.owner }
}

output "instance_eni" {
  value = aws_instance.ec2_instance.primary_network_interface_id
}

output "db_eni_sg" {
  value = one(aws_db_instance.orders.vpc_security_group_ids)
}

output "pod_sg" {
  value = aws_security_group.pod.id
}
