"""职工服务热线助手: the union worker-hotline assistant's own Python package."""
